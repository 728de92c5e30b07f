package io.caretaker.bench.peers;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The packaged hub ({@code hub/target/caretaker-hub.jar}) started as production starts it, with a bench site, its
 * telemetry in the benchmark's InfluxDB, H2 in its own folder, and an HTTP port of its choosing read from its log.
 */
final class Hub implements AutoCloseable {

    static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");
    static final Pattern STARTED = Pattern.compile("Started \\w+ in ([\\d.]+) seconds");
    static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final JavaApp app;
    private final HubApi api;
    private final String database;
    private final double startedSeconds;

    private Hub(JavaApp app, HubApi api, String database, double startedSeconds) {
        this.app = app;
        this.api = api;
        this.database = database;
        this.startedSeconds = startedSeconds;
    }

    /** The process, before it has finished starting: for timing start-up against something other than its log. */
    static JavaApp launch(String name, Path jar, Path dir, Path site, Path profiles, Influx influx, String database,
                          boolean jfr, String password) throws IOException {
        List<String> jvm = new ArrayList<>();
        if (jfr) {
            jvm.add("-XX:StartFlightRecording=filename=" + dir.resolve(name + ".jfr") + ",settings=profile,dumponexit=true");
        }
        List<String> args = List.of(
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db").resolve("caretaker").toAbsolutePath(),
                "--caretaker.site.file=file:" + site.toAbsolutePath(),
                "--caretaker.site.profiles-dir=" + profiles.toAbsolutePath(),
                "--caretaker.telemetry.store=influxdb",
                "--caretaker.telemetry.influxdb.url=" + influx.url(),
                "--caretaker.telemetry.influxdb.database=" + database);
        return JavaApp.launch(name, jar, jvm, args, Map.of("CARETAKER_ADMIN_PASSWORD", password), dir);
    }

    /** Waits for a launched hub to have started and to answer on its HTTP port. */
    static Hub started(JavaApp app, String database, String user, String password) throws InterruptedException {
        try {
            double started = Double.parseDouble(app.awaitLine(STARTED, START_TIMEOUT).group(1));
            int port = Integer.parseInt(app.awaitLine(PORT, Duration.ofSeconds(5)).group(1));
            return new Hub(app, new HubApi(port, user, password), database, started);
        } catch (RuntimeException | InterruptedException e) {
            app.close();
            throw e;
        }
    }

    static Hub start(String name, Path jar, Path dir, Path site, Path profiles, Influx influx, String database, boolean jfr,
                     String user) throws IOException, InterruptedException {
        String password = UUID.randomUUID().toString();
        return started(launch(name, jar, dir, site, profiles, influx, database, jfr, password), database, user, password);
    }

    static String newPassword() {
        return UUID.randomUUID().toString();
    }

    JavaApp app() {
        return app;
    }

    HubApi api() {
        return api;
    }

    String database() {
        return database;
    }

    /** What Spring Boot reports as its own start-up time ("Started ... in N seconds"). */
    double startedSeconds() {
        return startedSeconds;
    }

    double written() throws IOException, InterruptedException {
        return api.counter("caretaker.telemetry.written");
    }

    double dropped() throws IOException, InterruptedException {
        return api.counter("caretaker.telemetry.dropped");
    }

    @Override
    public void close() throws InterruptedException {
        app.close();
    }
}
