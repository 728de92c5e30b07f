package io.caretaker.hub.telemetry;

import io.caretaker.hub.telemetry.influx.InfluxTelemetryStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Chooses the telemetry store from {@code caretaker.telemetry.store} and puts the writer in front of it. */
@Configuration(proxyBeanMethods = false)
class TelemetryConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TelemetryConfiguration.class);

    @Bean
    TelemetryStore telemetryStore(TelemetryProperties properties, JdbcTemplate jdbc, TransactionTemplate transactions) {
        TelemetryStore store = switch (properties.store()) {
            case SQL -> new SqlTelemetryStore(jdbc, transactions);
            case INFLUXDB -> {
                TelemetryProperties.Influx influx = properties.influxdb();
                yield new InfluxTelemetryStore(influx.url(), influx.database(), blankToNull(influx.username()),
                        blankToNull(influx.password()), influx.retentionPolicy());
            }
        };
        log.info("telemetry store={} buffer={} batch={}", store.name(), properties.bufferCapacity(), properties.batchSize());
        return store;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    @Bean
    TelemetryWriter telemetryWriter(TelemetryStore store, TelemetryProperties properties, MeterRegistry meters, Clock clock) {
        return new TelemetryWriter(store, properties, meters, clock);
    }

    /** {@code /actuator/health}'s {@code telemetry}: the writer's buffer and counts, dropped samples included. */
    @Bean
    HealthIndicator telemetryHealthIndicator(TelemetryWriter writer) {
        return () -> {
            TelemetryWriter.Status status = writer.status();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("store", status.store());
            details.put("buffered", status.buffered());
            details.put("bufferCapacity", status.bufferCapacity());
            details.put("written", status.written());
            details.put("dropped", status.dropped());
            details.put("rejected", status.rejected());
            details.put("lastDropAt", status.lastDropAt() == null ? "never" : status.lastDropAt().toString());
            return Health.up().withDetails(details).build();
        };
    }
}
