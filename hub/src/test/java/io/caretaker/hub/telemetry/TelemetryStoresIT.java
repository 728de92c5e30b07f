package io.caretaker.hub.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.caretaker.deviceprofiles.canonical.PointSample;
import io.caretaker.deviceprofiles.canonical.Value;
import io.caretaker.deviceprofiles.ConfigurationLoader;
import io.caretaker.deviceprofiles.ProfileCatalog;
import io.caretaker.deviceprofiles.site.Connection;
import io.caretaker.deviceprofiles.site.InstalledDevice;
import io.caretaker.deviceprofiles.site.Site;
import io.caretaker.deviceprofiles.Protocol;
import io.caretaker.hub.telemetry.influx.InfluxServer;
import io.caretaker.hub.telemetry.influx.InfluxTelemetryStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** Both stores against each other on the same replayed data, and the writer through an InfluxDB outage. */
class TelemetryStoresIT {

    @RegisterExtension
    static InfluxServer influx = new InfluxServer();

    private static final Instant START = Instant.parse("2026-11-27T08:00:00Z");

    @Test
    void bothStoresAnswerTheSameHistoryForTheSameReplayedData() throws Exception {
        SqlTelemetryStore sql = sqlStore();
        InfluxTelemetryStore influxStore = new InfluxTelemetryStore(influx.url(), "replay", null, null, null);
        List<PointSample> replay = replay(Duration.ofHours(2), Duration.ofSeconds(10), 42);
        for (int i = 0; i < replay.size(); i += 1000) {
            List<PointSample> batch = replay.subList(i, Math.min(i + 1000, replay.size()));
            sql.write(batch);
            influxStore.write(batch);
        }

        for (Duration step : List.of(Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(15), Duration.ofHours(1))) {
            for (String point : List.of("supply_air_temperature", "fan_status")) {
                List<HistoryBucket> fromSql = sql.history("ahu-1", point, START, START.plus(Duration.ofHours(2)), step);
                List<HistoryBucket> fromInflux = influxStore.history("ahu-1", point, START, START.plus(Duration.ofHours(2)), step);

                assertThat(fromSql).as("%s every %s", point, step).hasSize((int) (Duration.ofHours(2).toMillis() / step.toMillis()));
                assertThat(fromInflux).as("%s every %s", point, step).hasSameSizeAs(fromSql);
                for (int b = 0; b < fromSql.size(); b++) {
                    HistoryBucket s = fromSql.get(b);
                    HistoryBucket f = fromInflux.get(b);
                    assertThat(f.start()).isEqualTo(s.start());
                    assertThat(f.count()).isEqualTo(s.count());
                    assertThat(f.min()).isEqualTo(s.min());
                    assertThat(f.max()).isEqualTo(s.max());
                    assertThat(f.last()).isEqualTo(s.last());
                    assertThat(f.mean()).isCloseTo(s.mean(), within(1e-9));
                }
            }
        }
        // and through the history API, which widens the range to whole steps the same way for either store
        Site site = new Site("replay", "Replay", ZoneId.of("Asia/Shanghai"), null, List.of(new InstalledDevice("ahu-1",
                "air-handler-basic", null, "Office Tower", "B1", null,
                new Connection(Protocol.OPCUA, null, null, null, null, "opc.tcp://127.0.0.1:4840", "ahu-1/", null, null, null, null, null, null,
                        null, null, null, null, null))));
        ProfileCatalog profiles = ProfileCatalog.readDirectory(new ConfigurationLoader(), Path.of("../device-profiles/profiles"));
        Clock clock = Clock.fixed(START.plus(Duration.ofHours(3)), ZoneOffset.UTC);
        HistoryController.History sqlApi = new HistoryController(sql, site, profiles, clock)
                .history("ahu-1", "supply_air_temperature", "2026-11-27T16:07:30+08:00", "2026-11-27T17:52:10+08:00", "5m");
        HistoryController.History influxApi = new HistoryController(influxStore, site, profiles, clock)
                .history("ahu-1", "supply_air_temperature", "2026-11-27T16:07:30+08:00", "2026-11-27T17:52:10+08:00", "5m");
        assertThat(sqlApi.from()).isEqualTo(influxApi.from()).isEqualTo(OffsetDateTime.parse("2026-11-27T16:05:00+08:00"));
        assertThat(sqlApi.to()).isEqualTo(influxApi.to()).isEqualTo(OffsetDateTime.parse("2026-11-27T17:55:00+08:00"));
        assertThat(sqlApi.buckets()).hasSize(22).hasSameSizeAs(influxApi.buckets());
        for (int b = 0; b < sqlApi.buckets().size(); b++) {
            HistoryController.Bucket s = sqlApi.buckets().get(b);
            HistoryController.Bucket f = influxApi.buckets().get(b);
            assertThat(f).usingRecursiveComparison().ignoringFields("mean").isEqualTo(s);
            assertThat(f.mean()).isCloseTo(s.mean(), within(1e-9));
        }
        influxStore.close();
    }

    @Test
    void anInfluxOutageLosesNothingThatFitsInTheBuffer() throws Exception {
        InfluxTelemetryStore store = new InfluxTelemetryStore(influx.url(), "outage", null, null, null);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        TelemetryWriter writer = new TelemetryWriter(store, properties(50_000), meters, java.time.Clock.systemUTC());
        List<PointSample> replay = replay(Duration.ofHours(1), Duration.ofSeconds(1), 7); // 7,200 samples of 2 points
        try {
            replay.subList(0, 2000).forEach(writer::offer);
            await().atMost(Duration.ofSeconds(20)).until(() -> counted(store) == 2000);

            influx.stop();
            replay.subList(2000, replay.size()).forEach(writer::offer);
            await().atMost(Duration.ofSeconds(10)).until(() -> meters.counter("caretaker.telemetry.written", "store", "influxdb").count() == 2000
                    && writer.buffered() > 0);
            influx.start();

            await().atMost(Duration.ofSeconds(60)).until(() -> counted(store) == replay.size());
            assertThat(meters.counter("caretaker.telemetry.dropped", "store", "influxdb").count()).isZero();
        } finally {
            writer.destroy();
            store.close();
        }
    }

    private static long counted(InfluxTelemetryStore store) {
        try {
            return List.of("supply_air_temperature", "fan_status").stream()
                    .flatMap(p -> store.history("ahu-1", p, START, START.plus(Duration.ofHours(3)), Duration.ofHours(3)).stream())
                    .mapToLong(HistoryBucket::count).sum();
        } catch (RuntimeException e) {
            return -1; // the server is down or starting
        }
    }

    /** An air handler's history: a supply temperature wandering around 16 °C and a fan that starts and stops. */
    private static List<PointSample> replay(Duration length, Duration every, long seed) {
        Random random = new Random(seed);
        List<PointSample> samples = new ArrayList<>();
        double temperature = 16;
        boolean fan = true;
        for (Instant at = START; at.isBefore(START.plus(length)); at = at.plus(every)) {
            temperature += random.nextGaussian() * 0.2;
            if (random.nextInt(100) == 0) {
                fan = !fan;
            }
            // whole numbers now and then, as real meters send them; they must stay floats
            double written = random.nextInt(20) == 0 ? Math.rint(temperature) : temperature;
            samples.add(PointSample.good("ahu-1", "supply_air_temperature", at, Value.of(written)));
            samples.add(PointSample.good("ahu-1", "fan_status", at, Value.of(fan)));
        }
        return samples;
    }

    private static SqlTelemetryStore sqlStore() {
        DriverManagerDataSource data = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(data).load().migrate();
        return new SqlTelemetryStore(new JdbcTemplate(data), new TransactionTemplate(new DataSourceTransactionManager(data)));
    }

    private static TelemetryProperties properties(int capacity) {
        return new TelemetryProperties(TelemetryProperties.Store.INFLUXDB, capacity, 1000, Duration.ofMillis(100), Duration.ofSeconds(1),
                new TelemetryProperties.Retention(Duration.ofDays(7), Duration.ofDays(90), Duration.ofDays(730)),
                new TelemetryProperties.Influx("unused", "unused", null, null, "autogen"));
    }
}
