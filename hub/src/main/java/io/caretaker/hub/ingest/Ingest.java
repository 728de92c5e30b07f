package io.caretaker.hub.ingest;

import io.caretaker.deviceprofiles.canonical.DeviceEvent;
import io.caretaker.deviceprofiles.canonical.PointSample;
import io.caretaker.hub.devices.DeviceBoard;
import io.caretaker.hub.rules.RuleEngine;
import io.caretaker.hub.telemetry.TelemetryWriter;
import io.caretaker.hub.utilisation.RunTracker;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** What the ingest route does with each record from a connector: update the device board, run the rules, queue it for storage. */
@Component
class Ingest {

    private static final Logger log = LoggerFactory.getLogger(Ingest.class);

    private final DeviceBoard devices;
    private final RuleEngine rules;
    private final TelemetryWriter telemetry;
    private final RunTracker running;

    Ingest(DeviceBoard devices, RuleEngine rules, TelemetryWriter telemetry, RunTracker running) {
        this.devices = devices;
        this.rules = rules;
        this.telemetry = telemetry;
        this.running = running;
    }

    /** Takes a connector's body: a list of samples, one sample, a device event, or the clock's tick. */
    void accept(Object body) {
        if (body instanceof List<?> list) {
            list.forEach(this::accept);
        } else if (body instanceof PointSample sample) {
            if (!devices.isInstalled(sample.deviceId())) {
                log.debug("sample for a device not in the site file device={}", sample.deviceId());
                return;
            }
            log.trace("sample device={} point={} value={} quality={}", sample.deviceId(), sample.pointId(), sample.value(), sample.quality());
            devices.record(sample);
            rules.onSample(sample);
            running.onSample(sample);
            telemetry.offer(sample); // never blocks: the alarm path does not wait for storage
        } else if (body instanceof DeviceEvent event) {
            log.info("device event device={} type={} attributes={}", event.deviceId(), event.type(), event.attributes());
            devices.record(event);
        } else if (body instanceof Tick tick) {
            rules.onTick(tick.now());
            running.onTick(tick.now());
        } else if (body != null) {
            throw new IllegalArgumentException("ingest takes PointSample, List<PointSample>, DeviceEvent or Tick, not " + body.getClass().getName());
        }
    }
}
