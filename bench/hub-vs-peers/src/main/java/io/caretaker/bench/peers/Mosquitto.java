package io.caretaker.bench.peers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A Mosquitto broker of the benchmark's own (Debian {@code mosquitto}) on a free loopback port with its stock
 * limits, so other users of the machine's broker on 1883 neither disturb nor see the load.
 */
final class Mosquitto implements AutoCloseable {

    static final Path BROKER = Path.of("/usr/sbin/mosquitto");

    private final Process process;
    private final int port;

    private Mosquitto(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static Mosquitto start(Path dir) throws IOException, InterruptedException {
        if (!Files.isExecutable(BROKER)) {
            throw new IllegalStateException("needs Mosquitto at " + BROKER + ": apt-get install mosquitto");
        }
        Files.createDirectories(dir);
        int port = Ports.free();
        Path conf = dir.resolve("mosquitto.conf");
        Files.writeString(conf, """
                listener %d 127.0.0.1
                allow_anonymous true
                persistence false
                log_dest file %s
                log_type error
                log_type warning
                """.formatted(port, dir.resolve("mosquitto.log")));
        Process process = new ProcessBuilder(BROKER.toString(), "-c", conf.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("stdout.log").toFile())).start();
        if (!Ports.awaitListening(port, Duration.ofSeconds(10))) {
            process.destroyForcibly();
            throw new IllegalStateException("mosquitto did not listen on 127.0.0.1:" + port + "; see " + dir);
        }
        return new Mosquitto(process, port);
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    String version() {
        try {
            Process p = new ProcessBuilder(BROKER.toString(), "-h").redirectErrorStream(true).start();
            String first = new String(p.getInputStream().readAllBytes()).lines().findFirst().orElse("mosquitto");
            p.waitFor(5, TimeUnit.SECONDS);
            return first.replace("mosquitto version ", "Mosquitto ");
        } catch (IOException e) {
            return "Mosquitto";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "Mosquitto";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
