package io.caretaker.hub.telemetry.influx;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real InfluxDB 1.x ({@code /usr/bin/influxd}, Debian's {@code influxdb} package) for integration tests: its
 * own config, data and loopback ports in a temp dir, usage reporting off. Register it with
 * {@code @RegisterExtension static InfluxServer influx = new InfluxServer();}; the tests are skipped when influxd is
 * not installed. {@link #stop()} and {@link #start()} simulate an outage: same port, same data.
 */
public final class InfluxServer implements ExecutionCondition, BeforeAllCallback, AfterAllCallback {

    private static final Logger log = LoggerFactory.getLogger(InfluxServer.class);
    public static final Path INFLUXD = Path.of("/usr/bin/influxd");
    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final String NOT_INSTALLED = "InfluxDB not installed: apt-get install influxdb (.ci/run does)";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private Path home;
    private int httpPort;
    private Process process;
    private Duration lastStartup;

    /** Skips each test, saying why, when influxd is not installed; the report then lists them as skipped. */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return installed() ? ConditionEvaluationResult.enabled(INFLUXD + " present")
                : ConditionEvaluationResult.disabled(NOT_INSTALLED);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Assumptions.assumeTrue(installed(), NOT_INSTALLED);
        home = Files.createTempDirectory("influxd-");
        httpPort = freePort();
        int rpcPort = freePort();
        Files.writeString(home.resolve("influxdb.conf"), config(home, httpPort, rpcPort));
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (home == null) {
            return;
        }
        stop();
        try (Stream<Path> files = Files.walk(home)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** Starts influxd and returns once it answers {@code /ping}; fails with its log when it dies instead. */
    public synchronized void start() throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("influxd is already running on port " + httpPort);
        }
        long started = System.nanoTime();
        process = new ProcessBuilder(INFLUXD.toString(), "-config", home.resolve("influxdb.conf").toString())
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("influxd.log").toFile()))
                .start();
        Process starting = process;
        await("influxd answering /ping on port " + httpPort)
                .atMost(STARTUP)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    if (!starting.isAlive()) {
                        throw new IllegalStateException("influxd exited with " + starting.exitValue() + "; its log:\n" + logTail());
                    }
                    return pings();
                });
        lastStartup = Duration.ofNanos(System.nanoTime() - started);
        log.info("influxd answering url={} startup_ms={} home={}", url(), lastStartup.toMillis(), home);
    }

    /** Stops influxd (SIGTERM, then SIGKILL after 30 s) and waits until it has gone. */
    public synchronized void stop() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** How long the last {@link #start()} took until {@code /ping} answered. */
    public Duration lastStartup() {
        return lastStartup;
    }

    private boolean pings() {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url() + "/ping"))
                    .timeout(Duration.ofSeconds(1)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 204;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for influxd", e);
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(home.resolve("influxd.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String config(Path home, int httpPort, int rpcPort) {
        return """
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

                [[graphite]]
                  enabled = false

                [[collectd]]
                  enabled = false

                [[opentsdb]]
                  enabled = false

                [[udp]]
                  enabled = false
                """.formatted(httpPort, rpcPort, home.resolve("meta"), home.resolve("data"), home.resolve("wal"));
    }

    private static boolean installed() {
        return Files.isExecutable(INFLUXD);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
