package io.caretaker.hub.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.caretaker.deviceprofiles.canonical.PointSample;
import io.caretaker.deviceprofiles.canonical.Quality;
import io.caretaker.deviceprofiles.canonical.Value;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

class SqlTelemetryStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    private SqlTelemetryStore store;
    private JdbcTemplate jdbc;

    @BeforeEach
    void database() {
        DriverManagerDataSource data = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(data).load().migrate();
        jdbc = new JdbcTemplate(data);
        store = new SqlTelemetryStore(jdbc, new TransactionTemplate(new DataSourceTransactionManager(data)));
    }

    @Test
    void minuteBucketsComeFromTheMinuteRollupsAndMatchTheRawSamples() {
        // 10 s samples over three minutes: 230, 231, ... 247
        List<PointSample> samples = new ArrayList<>();
        for (int i = 0; i < 18; i++) {
            samples.add(voltage(T0.plusSeconds(10L * i), 230 + i));
        }
        store.write(samples);

        List<HistoryBucket> minutes = store.history("meter-1", "voltage_l1", T0, T0.plus(Duration.ofMinutes(3)), Duration.ofMinutes(1));

        assertThat(minutes).containsExactly(
                new HistoryBucket(T0, 230, 235, 232.5, 235, 6),
                new HistoryBucket(T0.plusSeconds(60), 236, 241, 238.5, 241, 6),
                new HistoryBucket(T0.plusSeconds(120), 242, 247, 244.5, 247, 6));
        List<HistoryBucket> raw = store.history("meter-1", "voltage_l1", T0, T0.plusSeconds(60), Duration.ofSeconds(30));
        assertThat(raw).containsExactly(
                new HistoryBucket(T0, 230, 232, 231, 232, 3),
                new HistoryBucket(T0.plusSeconds(30), 233, 235, 234, 235, 3));
        assertThat(store.history("meter-1", "voltage_l1", T0, T0.plus(Duration.ofHours(1)), Duration.ofHours(1)))
                .containsExactly(new HistoryBucket(T0, 230, 247, 238.5, 247, 18));
    }

    @Test
    void aLateBatchMergesIntoItsBucketsWithoutMovingTheLastValue() {
        store.write(List.of(voltage(T0.plusSeconds(50), 240)));
        store.write(List.of(voltage(T0.plusSeconds(5), 220), voltage(T0.plusSeconds(20), 250)));

        assertThat(store.history("meter-1", "voltage_l1", T0, T0.plusSeconds(60), Duration.ofMinutes(1)))
                .containsExactly(new HistoryBucket(T0, 220, 250, 710.0 / 3, 240, 3));
    }

    @Test
    void onlyGoodNumbersAreKeptAndBooleansCountAsOneAndZero() {
        store.write(List.of(
                PointSample.good("door-1", "door_closed", T0, Value.of(true)),
                PointSample.good("door-1", "door_closed", T0.plusSeconds(1), Value.of(false)),
                new PointSample("door-1", "door_closed", T0.plusSeconds(2), T0, Value.of(true), Quality.BAD),
                PointSample.commLoss("door-1", "door_closed", T0.plusSeconds(3)),
                PointSample.good("door-1", "label", T0, Value.of("lobby"))));

        assertThat(store.history("door-1", "door_closed", T0, T0.plusSeconds(60), Duration.ofMinutes(1)))
                .containsExactly(new HistoryBucket(T0, 0, 1, 0.5, 0, 2));
        assertThat(store.history("door-1", "label", T0, T0.plusSeconds(60), Duration.ofMinutes(1))).isEmpty();
    }

    @Test
    void retentionForgetsEachTableOnItsOwnSchedule() {
        store.write(List.of(voltage(T0, 230), voltage(T0.plus(Duration.ofDays(10)), 231)));

        store.forgetBefore(T0.plus(Duration.ofDays(7)), T0.plus(Duration.ofDays(1)), T0.minus(Duration.ofDays(1)));

        assertThat(jdbc.queryForObject("select count(*) from telemetry_raw", Long.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from telemetry_minute", Long.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from telemetry_hour", Long.class)).isEqualTo(2);
    }

    private static PointSample voltage(Instant at, double volts) {
        return PointSample.good("meter-1", "voltage_l1", at, Value.of(volts));
    }
}
