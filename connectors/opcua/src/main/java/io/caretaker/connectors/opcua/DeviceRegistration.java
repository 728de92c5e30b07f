package io.caretaker.connectors.opcua;

import io.caretaker.deviceprofiles.Point;
import io.caretaker.deviceprofiles.canonical.DeviceEvent;
import io.caretaker.deviceprofiles.canonical.PointSample;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One device's share of a {@link ServerConnection}: its points, where its nodes sit, how often to sample them,
 * and the listener its samples go to. Connection loss and restoration are told once per transition.
 */
final class DeviceRegistration {

    private static final Logger log = LoggerFactory.getLogger(DeviceRegistration.class);

    /** Where the samples and events go. */
    interface Listener {

        void onSamples(List<PointSample> samples);

        void onEvent(DeviceEvent event);
    }

    private final String deviceId;
    private final List<Point> points;
    private final String nodePrefix;
    private final long samplingInterval;
    private final long publishingInterval;
    private final Clock clock;
    private final Listener listener;
    private boolean lost;

    DeviceRegistration(String deviceId, List<Point> points, String nodePrefix, long samplingInterval,
                       long publishingInterval, Clock clock, Listener listener) {
        this.deviceId = deviceId;
        this.points = List.copyOf(points);
        this.nodePrefix = nodePrefix == null ? "" : nodePrefix;
        this.samplingInterval = samplingInterval;
        this.publishingInterval = publishingInterval;
        this.clock = clock;
        this.listener = listener;
    }

    String deviceId() {
        return deviceId;
    }

    List<Point> points() {
        return points;
    }

    String nodeIdOf(Point point) {
        return point.bindings().opcua().nodeIdFor(nodePrefix);
    }

    long samplingInterval() {
        return samplingInterval;
    }

    long publishingInterval() {
        return publishingInterval;
    }

    Clock clock() {
        return clock;
    }

    void deliver(List<PointSample> samples) {
        log.trace("samples device={} samples={}", deviceId, samples);
        listener.onSamples(samples);
    }

    synchronized void connectionDown(String endpoint, String cause) {
        if (lost) {
            return;
        }
        lost = true;
        log.debug("connection lost device={} endpoint={} cause={}", deviceId, endpoint, cause);
        Instant now = clock.instant();
        listener.onSamples(points.stream().map(point -> PointSample.commLoss(deviceId, point.id(), now)).toList());
        listener.onEvent(new DeviceEvent(deviceId, DeviceEvent.CONNECTION_LOST, now,
                Map.of("endpoint", endpoint, "cause", cause)));
    }

    synchronized void connectionUp(String endpoint) {
        if (!lost) {
            return;
        }
        lost = false;
        log.debug("connection restored device={} endpoint={}", deviceId, endpoint);
        listener.onEvent(new DeviceEvent(deviceId, DeviceEvent.CONNECTION_RESTORED, clock.instant(),
                Map.of("endpoint", endpoint)));
    }
}
