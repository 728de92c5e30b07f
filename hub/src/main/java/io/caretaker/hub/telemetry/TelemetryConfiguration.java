package io.caretaker.hub.telemetry;

import io.caretaker.hub.telemetry.influx.InfluxTelemetryStore;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
    TelemetryWriter telemetryWriter(TelemetryStore store, TelemetryProperties properties, MeterRegistry meters) {
        return new TelemetryWriter(store, properties, meters);
    }
}
