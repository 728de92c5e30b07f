package io.caretaker.hub.ingest;

import io.caretaker.deviceprofiles.canonical.DeviceEvent;
import io.caretaker.deviceprofiles.canonical.PointSample;
import io.caretaker.hub.devices.DeviceBoard;
import io.caretaker.hub.rules.RuleEngine;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** What the ingest route does with each record from a connector: update the device board, then run the rules. */
@Component
class Ingest {

    private static final Logger log = LoggerFactory.getLogger(Ingest.class);

    private final DeviceBoard devices;
    private final RuleEngine rules;

    Ingest(DeviceBoard devices, RuleEngine rules) {
        this.devices = devices;
        this.rules = rules;
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
        } else if (body instanceof DeviceEvent event) {
            log.info("device event device={} type={} attributes={}", event.deviceId(), event.type(), event.attributes());
            devices.record(event);
        } else if (body instanceof Tick tick) {
            rules.onTick(tick.now());
        } else if (body != null) {
            throw new IllegalArgumentException("ingest takes PointSample, List<PointSample>, DeviceEvent or Tick, not " + body.getClass().getName());
        }
    }
}
