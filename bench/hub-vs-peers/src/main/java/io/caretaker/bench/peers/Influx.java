package io.caretaker.bench.peers;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;

/**
 * The InfluxDB the hub stores telemetry in during the benchmark ({@code /usr/bin/influxd}, Debian's
 * {@code influxdb}), on its own loopback ports and data folder; and the counts the benchmark reads back from it.
 */
final class Influx implements AutoCloseable {

    static final Path INFLUXD = Path.of("/usr/bin/influxd");

    private final Process process;
    private final int httpPort;
    private final InfluxDB client;

    private Influx(Process process, int httpPort) {
        this.process = process;
        this.httpPort = httpPort;
        this.client = InfluxDBFactory.connect(url());
    }

    static Influx start(Path home) throws IOException, InterruptedException {
        if (!Files.isExecutable(INFLUXD)) {
            throw new IllegalStateException("needs InfluxDB at " + INFLUXD + ": apt-get install influxdb");
        }
        Files.createDirectories(home);
        int httpPort = Ports.free();
        int rpcPort = Ports.free();
        Files.writeString(home.resolve("influxdb.conf"), """
                reporting-disabled = true
                bind-address = "127.0.0.1:%2$d"
                [meta]
                  dir = "%3$s"
                [data]
                  dir = "%4$s"
                  wal-dir = "%5$s"
                  query-log-enabled = false
                [http]
                  enabled = true
                  bind-address = "127.0.0.1:%1$d"
                  log-enabled = false
                [logging]
                  level = "warn"
                [monitor]
                  store-enabled = false
                [continuous_queries]
                  enabled = false
                """.formatted(httpPort, rpcPort, home.resolve("meta"), home.resolve("data"), home.resolve("wal")));
        Process process = new ProcessBuilder(INFLUXD.toString(), "-config", home.resolve("influxdb.conf").toString())
                .directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("influxd.log").toFile())).start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("influxd exited with " + process.exitValue() + "; see " + home.resolve("influxd.log"));
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/ping")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 204) {
                    return new Influx(process, httpPort);
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("influxd did not answer /ping within 60 s; see " + home.resolve("influxd.log"));
            }
            Thread.sleep(50); // polling /ping: influxd tells no one when it is ready
        }
    }

    String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    String version() {
        return client.version();
    }

    /** Samples stored in {@code database}; 0 while the database does not exist yet. */
    long count(String database) {
        return count(database, null, null, null);
    }

    /**
     * Samples stored in {@code database} whose device id starts with {@code devicePrefix} (any, if null) and that were
     * observed in [from, to) (any time, if null).
     */
    long count(String database, String devicePrefix, Instant from, Instant to) {
        StringBuilder q = new StringBuilder("SELECT count(value) FROM telemetry");
        String and = " WHERE ";
        if (devicePrefix != null) {
            q.append(and).append("device =~ /^").append(devicePrefix.replaceAll("[^A-Za-z0-9_-]", "")).append("/");
            and = " AND ";
        }
        if (from != null) {
            q.append(and).append("time >= ").append(nanos(from)).append(" AND time < ").append(nanos(to));
        }
        QueryResult result = client.query(new Query(q.toString(), database), TimeUnit.NANOSECONDS);
        if (result.hasError() || result.getResults() == null || result.getResults().isEmpty()) {
            return 0; // no database yet: the hub creates it when it starts
        }
        QueryResult.Result first = result.getResults().get(0);
        if (first.hasError() || first.getSeries() == null || first.getSeries().isEmpty()) {
            return 0;
        }
        List<List<Object>> values = first.getSeries().get(0).getValues();
        return values == null || values.isEmpty() ? 0 : ((Number) values.get(0).get(1)).longValue();
    }

    private static long nanos(Instant at) {
        return at.getEpochSecond() * 1_000_000_000L + at.getNano();
    }

    @Override
    public void close() throws InterruptedException {
        client.close();
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
