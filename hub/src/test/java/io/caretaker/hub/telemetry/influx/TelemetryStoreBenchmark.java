package io.caretaker.hub.telemetry.influx;

import io.caretaker.deviceprofiles.canonical.PointSample;
import io.caretaker.deviceprofiles.canonical.Value;
import io.caretaker.hub.telemetry.SqlTelemetryStore;
import io.caretaker.hub.telemetry.TelemetryProperties;
import io.caretaker.hub.telemetry.TelemetryStore;
import io.caretaker.hub.telemetry.TelemetryWriter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.BatchPoints;
import org.influxdb.dto.Point;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Samples per second written to each telemetry store, each beside a bare baseline measured in the same run on the
 * same machine (a plain JDBC batch insert of the raw rows into the same H2 file database; a plain influxdb-java batch
 * write of the same points), so the ratios mean something on a noisy machine. Run with {@code bench/telemetry-stores}.
 */
public final class TelemetryStoreBenchmark {

    private static final int BATCH = 5000;

    public static void main(String[] args) throws Exception {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        List<PointSample> data = samples(samples);
        InfluxServer influx = new InfluxServer();
        influx.beforeAll(null);
        Path h2 = Files.createTempDirectory("bench-h2-");
        try {
            System.out.printf(Locale.ROOT, "telemetry store benchmark: %,d samples, batches of %,d, %d cores, Java %s%n",
                    samples, BATCH, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
            DriverManagerDataSource db = new DriverManagerDataSource("jdbc:h2:file:" + h2.resolve("bench"), "sa", "");
            Flyway.configure().dataSource(db).load().migrate();
            JdbcTemplate jdbc = new JdbcTemplate(db);
            TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(db));

            // one untimed round of each path first, so the JIT has compiled all of them before any is timed
            List<PointSample> warmUp = data.subList(0, Math.min(data.size(), 50_000));
            InfluxTelemetryStore warmUpStore = new InfluxTelemetryStore(influx.url(), "warmup", null, null, null);
            System.out.print("  warming up ...");
            new SqlTelemetryStore(jdbc, tx).write(warmUp);
            for (int i = 0; i < warmUp.size(); i += BATCH) {
                warmUpStore.write(warmUp.subList(i, Math.min(i + BATCH, warmUp.size())));
            }
            warmUpStore.close();
            clear(jdbc);
            System.out.println(" done");

            double bareSql = rate("bare JDBC insert (H2 file)", data, batch -> tx.executeWithoutResult(s -> jdbc.batchUpdate(
                    "insert into telemetry_raw (device_id, point_id, observed_at, reading) values (?, ?, ?, ?)",
                    batch.stream().map(p -> new Object[] {p.deviceId(), p.pointId(), p.observedAt().atOffset(ZoneOffset.UTC),
                            p.value().asDouble().getAsDouble()}).toList())));
            jdbc.update("delete from telemetry_raw");
            double sqlStore = rate("SqlTelemetryStore (raw + rollups)", data, new SqlTelemetryStore(jdbc, tx)::write);
            clear(jdbc);
            double sqlWriter = throughWriter("writer -> SqlTelemetryStore", data, new SqlTelemetryStore(jdbc, tx));

            InfluxDB bare = InfluxDBFactory.connect(influx.url());
            bare.query(new org.influxdb.dto.Query("CREATE DATABASE bare"));
            double bareInflux = rate("bare influxdb-java batch write", data, batch -> bare.write(BatchPoints.database("bare")
                    .precision(TimeUnit.NANOSECONDS)
                    .points(batch.stream().map(p -> Point.measurement("telemetry").tag("device", p.deviceId()).tag("point", p.pointId())
                            .addField("value", p.value().asDouble().getAsDouble())
                            .time(p.observedAt().getEpochSecond() * 1_000_000_000L + p.observedAt().getNano(), TimeUnit.NANOSECONDS)
                            .build()).toList())
                    .build()));
            bare.close();
            InfluxTelemetryStore influxStore = new InfluxTelemetryStore(influx.url(), "store", null, null, null);
            double influxRate = rate("InfluxTelemetryStore", data, influxStore::write);
            InfluxTelemetryStore viaWriter = new InfluxTelemetryStore(influx.url(), "writer", null, null, null);
            double influxWriter = throughWriter("writer -> InfluxTelemetryStore", data, viaWriter);
            influxStore.close();
            viaWriter.close();

            System.out.println();
            System.out.println("| store | samples/s | baseline | ratio to baseline |");
            System.out.println("|---|---:|---|---:|");
            row("SqlTelemetryStore (H2 file, raw + minute + hour rollups)", sqlStore, "bare JDBC insert", bareSql);
            row("writer -> SqlTelemetryStore", sqlWriter, "bare JDBC insert", bareSql);
            row("InfluxTelemetryStore (InfluxDB " + "1.x)", influxRate, "bare influxdb-java write", bareInflux);
            row("writer -> InfluxTelemetryStore", influxWriter, "bare influxdb-java write", bareInflux);
        } finally {
            influx.afterAll(null);
            try (var files = Files.walk(h2)) {
                for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    private interface BatchWrite {
        void write(List<PointSample> batch) throws Exception;
    }

    private static double rate(String name, List<PointSample> data, BatchWrite write) throws Exception {
        long start = System.nanoTime();
        int done = 0;
        for (int i = 0; i < data.size(); i += BATCH) {
            List<PointSample> batch = data.subList(i, Math.min(i + BATCH, data.size()));
            write.write(batch);
            done += batch.size();
            if ((i / BATCH) % 10 == 0) {
                System.out.printf(Locale.ROOT, "\r  %-40s %,9d / %,d", name, done, data.size());
            }
        }
        double perSecond = data.size() / ((System.nanoTime() - start) / 1e9);
        System.out.printf(Locale.ROOT, "\r  %-40s %,9d samples  %,10.0f samples/s%n", name, data.size(), perSecond);
        return perSecond;
    }

    /** Through the buffered writer, as the hub writes: from the first offer until the store has taken the last sample. */
    private static double throughWriter(String name, List<PointSample> data, TelemetryStore store) throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        TelemetryProperties properties = new TelemetryProperties(TelemetryProperties.Store.SQL, data.size(), BATCH,
                Duration.ofMillis(100), Duration.ofSeconds(1),
                new TelemetryProperties.Retention(Duration.ofDays(7), Duration.ofDays(90), Duration.ofDays(730)),
                new TelemetryProperties.Influx("unused", "unused", null, null, "autogen"));
        TelemetryWriter writer = new TelemetryWriter(store, properties, meters, java.time.Clock.systemUTC());
        long start = System.nanoTime();
        data.forEach(writer::offer);
        var written = meters.counter("caretaker.telemetry.written", "store", store.name());
        while (written.count() < data.size()) {
            System.out.printf(Locale.ROOT, "\r  %-40s %,9.0f / %,d", name, written.count(), data.size());
            Thread.sleep(200); // a progress display, not a test: no condition to wait for but the count
        }
        double perSecond = data.size() / ((System.nanoTime() - start) / 1e9);
        writer.destroy();
        System.out.printf(Locale.ROOT, "\r  %-40s %,9d samples  %,10.0f samples/s%n", name, data.size(), perSecond);
        return perSecond;
    }

    private static void row(String store, double rate, String baseline, double baselineRate) {
        System.out.printf(Locale.ROOT, "| %s | %,.0f | %s (%,.0f/s) | %.2f |%n", store, rate, baseline, baselineRate, rate / baselineRate);
    }

    private static void clear(JdbcTemplate jdbc) {
        for (String table : List.of("telemetry_raw", "telemetry_minute", "telemetry_hour")) {
            jdbc.update("delete from " + table);
        }
    }

    /** 100 meters, 3 points each, one sample per point every 10 s, as the demo site's meters report. */
    private static List<PointSample> samples(int count) {
        Random random = new Random(1);
        Instant start = OffsetDateTime.parse("2026-11-27T00:00:00Z").toInstant();
        List<PointSample> samples = new ArrayList<>(count);
        String[] points = {"voltage_l1", "current_l1", "total_power"};
        for (int i = 0; samples.size() < count; i++) {
            Instant at = start.plusSeconds(10L * (i / 300));
            samples.add(PointSample.good("meter-" + (i % 300) / 3, points[i % 3], at, Value.of(230 + random.nextGaussian())));
        }
        return samples;
    }
}
