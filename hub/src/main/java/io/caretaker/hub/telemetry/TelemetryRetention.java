package io.caretaker.hub.telemetry;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Forgets telemetry older than its retention in the relational store, once an hour. */
@Component
class TelemetryRetention {

    private static final Logger log = LoggerFactory.getLogger(TelemetryRetention.class);

    private final TelemetryStore store;
    private final TelemetryProperties.Retention retention;
    private final Clock clock;

    TelemetryRetention(TelemetryStore store, TelemetryProperties properties, Clock clock) {
        this.store = store;
        this.retention = properties.retention();
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
    void forgetExpired() {
        if (store instanceof SqlTelemetryStore sql) {
            Instant now = clock.instant();
            sql.forgetBefore(now.minus(retention.raw()), now.minus(retention.minute()), now.minus(retention.hour()));
            log.debug("telemetry retention applied raw={} minute={} hour={}", retention.raw(), retention.minute(), retention.hour());
        }
    }
}
