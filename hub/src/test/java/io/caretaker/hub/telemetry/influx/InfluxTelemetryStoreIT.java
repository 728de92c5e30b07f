package io.caretaker.hub.telemetry.influx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.caretaker.deviceprofiles.canonical.PointSample;
import io.caretaker.deviceprofiles.canonical.Quality;
import io.caretaker.deviceprofiles.canonical.Value;
import io.caretaker.hub.telemetry.HistoryBucket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The InfluxDB store against a real InfluxDB 1.x started by {@link InfluxServer}. */
class InfluxTelemetryStoreIT {

    private static final Instant T0 = Instant.parse("2026-01-05T08:00:00Z");
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final AtomicInteger databases = new AtomicInteger();

    @RegisterExtension
    static final InfluxServer influx = new InfluxServer();

    private String database;
    private InfluxTelemetryStore store;

    @BeforeEach
    void newDatabase() {
        database = "caretaker_it_" + databases.incrementAndGet();
        store = new InfluxTelemetryStore(influx.url(), database, null, null, "autogen");
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void historyGivesMinMaxMeanLastAndCountPerMinute() throws Exception {
        store.write(List.of(
                number("ahu-1", "supply_temp", T0.minusSeconds(1), 999.0),    // before from
                number("ahu-1", "supply_temp", T0, 230.0),
                number("ahu-1", "supply_temp", T0.plusSeconds(20), 231.5),
                number("ahu-1", "supply_temp", T0.plusSeconds(40), 229.0),
                number("ahu-1", "supply_temp", T0.plusSeconds(70), 240.0),
                number("ahu-1", "supply_temp", T0.plusSeconds(185), 1.0),    // minute 2 stays empty
                number("ahu-1", "supply_temp", T0.plusSeconds(190), 2.0),
                number("ahu-1", "supply_temp", T0.plusSeconds(300), 555.0),  // at to: excluded
                number("ahu-2", "supply_temp", T0.plusSeconds(10), 100.0),   // another device
                PointSample.good("ahu-1", "fan_running", T0.plusSeconds(5), Value.of(true)),
                PointSample.good("ahu-1", "fan_running", T0.plusSeconds(25), Value.of(false)),
                PointSample.good("ahu-1", "fan_running", T0.plusSeconds(45), Value.of(true))));

        List<HistoryBucket> temperature = store.history("ahu-1", "supply_temp", T0, T0.plus(MINUTE.multipliedBy(5)), MINUTE);

        assertThat(temperature).extracting(HistoryBucket::start)
                .containsExactly(T0, T0.plus(MINUTE), T0.plus(MINUTE.multipliedBy(3)));
        assertBucket(temperature.get(0), 229.0, 231.5, (230.0 + 231.5 + 229.0) / 3, 229.0, 3);
        assertBucket(temperature.get(1), 240.0, 240.0, 240.0, 240.0, 1);
        assertBucket(temperature.get(2), 1.0, 2.0, 1.5, 2.0, 2);

        List<HistoryBucket> fan = store.history("ahu-1", "fan_running", T0, T0.plus(MINUTE), MINUTE);
        assertThat(fan).hasSize(1);
        assertBucket(fan.get(0), 0.0, 1.0, 2.0 / 3, 1.0, 3);

        List<HistoryBucket> hourly = store.history("ahu-1", "supply_temp", T0, T0.plus(Duration.ofHours(1)), Duration.ofHours(1));
        assertThat(hourly).hasSize(1);
        assertBucket(hourly.get(0), 1.0, 555.0, (230.0 + 231.5 + 229.0 + 240.0 + 1.0 + 2.0 + 555.0) / 7, 555.0, 7);
    }

    @Test
    void aFractionAfterAWholeNumberIsAcceptedBecauseValueIsAlwaysAFloat() throws Exception {
        store.write(List.of(number("meter-1", "voltage_l1", T0, 230.0)));
        store.write(List.of(number("meter-1", "voltage_l1", T0.plusSeconds(1), 230.25)));

        assertThat(fieldType()).isEqualTo("float");
        assertThat(store.history("meter-1", "voltage_l1", T0, T0.plus(MINUTE), MINUTE))
                .singleElement()
                .satisfies(bucket -> assertBucket(bucket, 230.0, 230.25, 230.125, 230.25, 2));
    }

    @Test
    void veryLargeAndVerySmallNumbersReadBackExactly() throws Exception {
        store.write(List.of(number("meter-1", "energy", T0, 12345678901.5), number("meter-1", "leak", T0, 0.00001)));

        assertThat(store.history("meter-1", "energy", T0, T0.plus(MINUTE), MINUTE))
                .singleElement().satisfies(bucket -> assertThat(bucket.last()).isEqualTo(12345678901.5));
        assertThat(store.history("meter-1", "leak", T0, T0.plus(MINUTE), MINUTE))
                .singleElement().satisfies(bucket -> assertThat(bucket.last()).isEqualTo(0.00001));
    }

    @Test
    void onlyGoodNumericSamplesAreWritten() throws Exception {
        store.write(List.of(
                new PointSample("ahu-1", "supply_temp", T0, T0, Value.of(18.0), Quality.UNCERTAIN),
                new PointSample("ahu-1", "supply_temp", T0.plusSeconds(1), T0, Value.of(-40.0), Quality.BAD),
                PointSample.commLoss("ahu-1", "supply_temp", T0.plusSeconds(2)),
                PointSample.good("ahu-1", "supply_temp", T0.plusSeconds(3), Value.of("sensor open")),
                PointSample.good("ahu-1", "supply_temp", T0.plusSeconds(4), Value.absent()),
                number("ahu-1", "supply_temp", T0.plusSeconds(5), Double.NaN),
                number("ahu-1", "supply_temp", T0.plusSeconds(6), 21.5)));

        assertThat(store.history("ahu-1", "supply_temp", T0, T0.plus(MINUTE), MINUTE))
                .singleElement()
                .satisfies(bucket -> assertBucket(bucket, 21.5, 21.5, 21.5, 21.5, 1));
    }

    @Test
    void historyOfAPointNeverWrittenIsEmpty() throws Exception {
        assertThat(store.history("ahu-1", "supply_temp", T0, T0.plus(MINUTE), MINUTE)).isEmpty();

        store.write(List.of(number("ahu-1", "supply_temp", T0, 20.0)));

        assertThat(store.history("ahu-1", "no_such_point", T0, T0.plus(MINUTE), MINUTE)).isEmpty();
        assertThat(store.history("no-such-device", "supply_temp", T0, T0.plus(MINUTE), MINUTE)).isEmpty();
    }

    @Test
    void userInputIsBoundNotSpliced() throws Exception {
        store.write(List.of(number("ahu-1", "supply_temp", T0, 20.0)));

        assertThat(store.history("ahu-1' OR device =~ /.*/ OR point = '", "supply_temp", T0, T0.plus(MINUTE), MINUTE))
                .isEmpty();
        assertThat(store.history("ahu-1", "supply_temp", T0, T0.plus(MINUTE), MINUTE)).hasSize(1);
    }

    @Test
    void writesFailWhileInfluxIsDownAndResumeWithEarlierDataKept() throws Exception {
        store.write(List.of(number("ahu-1", "supply_temp", T0, 20.0)));

        influx.stop();
        try {
            assertThatThrownBy(() -> store.write(List.of(number("ahu-1", "supply_temp", T0.plusSeconds(10), 21.0))))
                    .hasMessageContaining(influx.url());
        } finally {
            influx.start();
        }

        store.write(List.of(number("ahu-1", "supply_temp", T0.plusSeconds(10), 21.0)));
        assertThat(store.history("ahu-1", "supply_temp", T0, T0.plus(MINUTE), MINUTE))
                .singleElement()
                .satisfies(bucket -> assertBucket(bucket, 20.0, 21.0, 20.5, 21.0, 2));
    }

    private String fieldType() {
        try (InfluxDB client = InfluxDBFactory.connect(influx.url())) {
            QueryResult result = client.query(new Query("SHOW FIELD KEYS FROM telemetry", database));
            QueryResult.Series series = result.getResults().get(0).getSeries().get(0);
            assertThat(series.getValues()).hasSize(1);
            assertThat(series.getValues().get(0).get(series.getColumns().indexOf("fieldKey"))).isEqualTo("value");
            return (String) series.getValues().get(0).get(series.getColumns().indexOf("fieldType"));
        }
    }

    private static PointSample number(String device, String point, Instant at, double value) {
        return PointSample.good(device, point, at, Value.of(value));
    }

    private static void assertBucket(HistoryBucket bucket, double min, double max, double mean, double last, long count) {
        assertThat(bucket.min()).as("min").isEqualTo(min);
        assertThat(bucket.max()).as("max").isEqualTo(max);
        assertThat(bucket.mean()).as("mean").isCloseTo(mean, within(1e-9));
        assertThat(bucket.last()).as("last").isEqualTo(last);
        assertThat(bucket.count()).as("count").isEqualTo(count);
    }
}
