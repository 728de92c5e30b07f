package io.caretaker.hub.telemetry;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Telemetry storage ({@code caretaker.telemetry.*}). {@code store} is {@code sql} (the relational store, the
 * embedded default) or {@code influxdb}. Samples wait in a buffer of {@code bufferCapacity}; when the store is
 * down the buffer holds them and the writer retries with back-off; once it is full, new samples are dropped and
 * counted ({@code caretaker.telemetry.dropped}). Retention applies to the relational store only.
 */
@Validated
@ConfigurationProperties("caretaker.telemetry")
public record TelemetryProperties(@DefaultValue("sql") Store store,
                                  @DefaultValue("100000") @Min(1000) int bufferCapacity,
                                  @DefaultValue("5000") @Min(1) int batchSize,
                                  @DefaultValue("1s") Duration flushInterval,
                                  @DefaultValue("30s") Duration maxRetryDelay,
                                  @DefaultValue Retention retention,
                                  @DefaultValue Influx influxdb) {

    /** Which store keeps telemetry. */
    public enum Store {
        SQL,
        INFLUXDB
    }

    /** How long the relational store keeps raw samples and each rollup. */
    public record Retention(@DefaultValue("7d") Duration raw,
                            @DefaultValue("90d") Duration minute,
                            @DefaultValue("730d") Duration hour) {
    }

    /** Where InfluxDB is (its 1.x API, which 1.8+, 2.x compatibility endpoints and 3.x accept). */
    public record Influx(@DefaultValue("http://127.0.0.1:8086") String url,
                         @DefaultValue("caretaker") String database,
                         String username,
                         String password,
                         @DefaultValue("autogen") String retentionPolicy) {

        @Override
        public String toString() {
            return "Influx[url=" + url + ", database=" + database + ", username=" + username + "]";
        }
    }
}
