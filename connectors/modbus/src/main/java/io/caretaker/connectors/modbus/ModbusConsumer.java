package io.caretaker.connectors.modbus;

import io.caretaker.deviceprofiles.DeviceProfile;
import io.caretaker.deviceprofiles.Point;
import io.caretaker.deviceprofiles.Protocol;
import io.caretaker.deviceprofiles.canonical.DeviceEvent;
import io.caretaker.deviceprofiles.canonical.PointSample;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledPollConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one Modbus device: one exchange of {@code List<PointSample>} per poll, and a {@link DeviceEvent} plus
 * COMM_LOSS samples once when the device is lost (restored event when it answers again).
 */
final class ModbusConsumer extends ScheduledPollConsumer {

    private static final Logger log = LoggerFactory.getLogger(ModbusConsumer.class);
    private static final long BACKOFF_CEILING_MILLIS = 60_000;

    private final ModbusEndpoint endpoint;
    private final List<Point> points;
    private final Clock clock;
    private final ModbusDeviceReader reader;
    private final Backoff backoff;
    private boolean lost;

    ModbusConsumer(ModbusEndpoint endpoint, Processor processor, DeviceProfile profile, Clock clock) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.points = profile.pointsBoundTo(Protocol.MODBUS);
        this.clock = clock;
        this.reader = new ModbusDeviceReader(endpoint.getDeviceId(), endpoint.newLink(), ModbusPoint.of(profile),
                endpoint.effectiveMaxGap());
        this.backoff = Backoff.upTo(BACKOFF_CEILING_MILLIS, endpoint.getPollInterval());
    }

    @Override
    protected int poll() throws Exception {
        if (backoff.skip()) {
            return 0;
        }
        Instant at = clock.instant();
        List<PointSample> samples;
        try {
            samples = reader.read(at);
        } catch (Exception e) {
            backoff.failed();
            return lost(e, at);
        }
        backoff.succeeded();
        int sent = 0;
        if (lost) {
            lost = false;
            log.info("modbus device restored device={} host={} port={} unit={}",
                    endpoint.getDeviceId(), endpoint.getHost(), endpoint.getPort(), endpoint.getUnitId());
            sent += send(event(DeviceEvent.CONNECTION_RESTORED, at, Map.of()));
        }
        if (log.isTraceEnabled()) {
            log.trace("modbus poll device={} samples={}", endpoint.getDeviceId(), samples.size());
        }
        return sent + send(samples);
    }

    private int lost(Exception cause, Instant at) throws InterruptedException {
        if (cause instanceof InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw interrupted;
        }
        if (lost) {
            log.trace("modbus device still lost device={} cause={}", endpoint.getDeviceId(), cause.toString());
            return 0;
        }
        lost = true;
        log.warn("modbus device lost device={} host={} port={} unit={} cause={}",
                endpoint.getDeviceId(), endpoint.getHost(), endpoint.getPort(), endpoint.getUnitId(), cause.toString());
        List<PointSample> commLoss = points.stream()
                .map(p -> PointSample.commLoss(endpoint.getDeviceId(), p.id(), at))
                .toList();
        return send(commLoss) + send(event(DeviceEvent.CONNECTION_LOST, at, Map.of("cause", cause.toString())));
    }

    private DeviceEvent event(String type, Instant at, Map<String, Object> attributes) {
        return new DeviceEvent(endpoint.getDeviceId(), type, at, attributes);
    }

    private int send(Object body) {
        if (!isRunAllowed()) {
            // a poll that outlived stop (a read waiting out its timeout) has nowhere to deliver to
            return 0;
        }
        Exchange exchange = createExchange(false);
        exchange.getMessage().setBody(body);
        try {
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        if (exchange.getException() != null) {
            getExceptionHandler().handleException("error processing modbus exchange device=" + endpoint.getDeviceId(),
                    exchange, exchange.getException());
        }
        releaseExchange(exchange, false);
        return 1;
    }

    /** The requests each poll makes, for tests and diagnostics. */
    List<ReadBlock> plan() {
        return reader.plan();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        reader.close();
    }
}
