package io.caretaker.connectors.mqtt;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Mosquitto broker of this test's own (Debian {@code mosquitto}), on a free loopback port with persistence
 * in a temp folder, that a test can stop and start again on the same port; and {@code mosquitto_pub} to publish
 * as a device would. Tests skip, saying why, where the programs are absent.
 */
final class Mosquitto implements AutoCloseable {

    static final Path BROKER = Path.of("/usr/sbin/mosquitto");
    static final Path PUB = Path.of("/usr/bin/mosquitto_pub");

    private final Path dir;
    private final int port;
    private final String extraConfig;
    private Process process;

    private Mosquitto(Path dir, int port, String extraConfig) {
        this.dir = dir;
        this.port = port;
        this.extraConfig = extraConfig;
    }

    static void assumeInstalled() {
        assumeTrue(Files.isExecutable(BROKER) && Files.isExecutable(PUB),
                "skipped: needs Debian's mosquitto and mosquitto-clients (" + BROKER + ", " + PUB + "); apt-get install mosquitto mosquitto-clients");
    }

    static Mosquitto start(Path dir, String extraConfig) throws IOException {
        assumeInstalled();
        int port;
        // mosquitto cannot report a port it chose, so a free one is found first
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Mosquitto broker = new Mosquitto(dir, port, extraConfig);
        broker.start();
        return broker;
    }

    void start() throws IOException {
        Path conf = dir.resolve("mosquitto.conf");
        Files.writeString(conf, """
                user %s
                listener %d 127.0.0.1
                allow_anonymous true
                persistence true
                persistence_location %s/
                autosave_interval 1
                log_dest file %s
                log_type all
                %s
                """.formatted(System.getProperty("user.name"), port, dir, dir.resolve("mosquitto.log"), extraConfig));
        process = new ProcessBuilder(BROKER.toString(), "-c", conf.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("stdout.log").toFile())).start();
        await().atMost(Duration.ofSeconds(10)).until(this::accepting);
    }

    /** Stops the broker as an operator would (SIGTERM): it saves what it holds to its persistence file. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private boolean accepting() {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    /** Publishes as a device would, with the real client; {@code args} such as "-V", "mqttv311". */
    static void publish(int port, String topic, String payload, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(PUB.toString(), "-h", "127.0.0.1", "-p", String.valueOf(port), "-q", "1", "-t", topic, "-m", payload));
        command.addAll(List.of(args));
        run(command);
    }

    /** Publishes the file's bytes as one message (a blob too large for a command line). */
    static void publishFile(int port, String topic, Path file) throws IOException, InterruptedException {
        run(List.of(PUB.toString(), "-h", "127.0.0.1", "-p", String.valueOf(port), "-q", "1", "-t", topic, "-f", file.toString()));
    }

    /** Publishes each line of the file as one message, at QoS 1, from one connection ({@code mosquitto_pub -l}). */
    static void publishLines(int port, String topic, Path lines) throws IOException, InterruptedException {
        run(List.of(PUB.toString(), "-h", "127.0.0.1", "-p", String.valueOf(port), "-q", "1", "-t", topic, "-l"), lines);
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        run(command, null);
    }

    private static void run(List<String> command, Path input) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (input != null) {
            builder.redirectInput(input.toFile());
        }
        Process pub = builder.start();
        if (!pub.waitFor(20, TimeUnit.SECONDS)) {
            pub.destroyForcibly();
            throw new IllegalStateException("mosquitto_pub did not finish: " + command);
        }
        String out = new String(pub.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (pub.exitValue() != 0) {
            throw new IllegalStateException("mosquitto_pub failed (" + pub.exitValue() + "): " + out);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            stop();
        }
    }
}
