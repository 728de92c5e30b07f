package io.caretaker.hub.ingest;

import io.caretaker.deviceprofiles.canonical.DeviceEvent;
import io.caretaker.deviceprofiles.canonical.PointSample;
import io.caretaker.hub.devices.DeviceBoard;
import io.caretaker.hub.rules.RuleEngine;
import io.caretaker.hub.telemetry.TelemetryWriter;
import io.caretaker.hub.utilisation.RunTracker;
import java.util.ArrayList;
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
            acceptAll(list);
        } else if (body instanceof PointSample sample) {
            if (judge(sample)) {
                telemetry.offer(sample); // never blocks: the alarm path does not wait for storage
            }
        } else if (body instanceof DeviceEvent event) {
            log.info("device event device={} type={} attributes={}", event.deviceId(), event.type(), event.attributes());
            devices.record(event);
            rules.onEvent(event);
        } else if (body instanceof Tick tick) {
            rules.onTick(tick.now());
            running.onTick(tick.now());
        } else if (body != null) {
            throw new IllegalArgumentException("ingest takes PointSample, List<PointSample>, DeviceEvent or Tick, not " + body.getClass().getName());
        }
    }

    /**
     * A poll's samples: each judged in turn as if it came alone, then those judged go to the store together, under
     * one lock of its buffer rather than one per sample. They go in their order, before anything that follows them in
     * the list, and also when judging a later one fails.
     */
    private void acceptAll(List<?> list) {
        List<PointSample> judged = new ArrayList<>(list.size());
        try {
            for (Object item : list) {
                if (item instanceof PointSample sample) {
                    if (judge(sample)) {
                        judged.add(sample);
                    }
                } else {
                    offer(judged);
                    accept(item);
                }
            }
        } finally {
            offer(judged);
        }
    }

    private void offer(List<PointSample> judged) {
        if (!judged.isEmpty()) {
            telemetry.offer(judged); // never blocks: the alarm path does not wait for storage
            judged.clear();
        }
    }

    /** Updates the device board, the rules and the run tracker with a sample; false for a device not in the site file. */
    private boolean judge(PointSample sample) {
        if (!devices.record(sample)) {
            log.debug("sample for a device not in the site file device={}", sample.deviceId());
            return false;
        }
        if (log.isTraceEnabled()) {
            // guarded: even a disabled call with arguments costs an array and the logging turbo filters, per sample
            log.trace("sample device={} point={} value={} quality={}", sample.deviceId(), sample.pointId(), sample.value(), sample.quality());
        }
        rules.onSample(sample);
        running.onSample(sample);
        return true;
    }
}
