package io.caretaker.connectors.modbus;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A pymodbus server (Debian's python3-pymodbus under /usr/bin/python3) running {@code pymodbus_meter.py}: a Modbus
 * implementation nobody here wrote. Tests using it skip when python3 or pymodbus is absent.
 */
final class PymodbusPeer implements AutoCloseable {

    static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Path SCRIPT = Path.of("src/test/resources/pymodbus_meter.py");

    private Process process;
    private int port;

    private PymodbusPeer() {
    }

    /** Starts the server on a free loopback port. */
    static PymodbusPeer start() throws Exception {
        assumeAvailable();
        PymodbusPeer peer = new PymodbusPeer();
        peer.launch(0);
        return peer;
    }

    static void assumeAvailable() throws Exception {
        assumeTrue(Files.isExecutable(PYTHON), "skipped: " + PYTHON + " is absent; install python3-pymodbus (apt-get"
                + " install python3-pymodbus), as .ci/run does");
        Process probe = new ProcessBuilder(PYTHON.toString(), "-c", "import pymodbus").redirectErrorStream(true).start();
        boolean done = probe.waitFor(30, TimeUnit.SECONDS);
        assumeTrue(done && probe.exitValue() == 0, "skipped: pymodbus is not installed for " + PYTHON
                + "; install it with apt-get install python3-pymodbus, as .ci/run does");
    }

    int port() {
        return port;
    }

    /** Kills the server, as a power cut would: connections drop without a goodbye. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Starts it again on the port it had, with its registers as at first start. */
    void restart() throws Exception {
        stop();
        launch(port);
    }

    private void launch(int wanted) throws Exception {
        process = new ProcessBuilder(PYTHON.toString(), SCRIPT.toAbsolutePath().toString(), String.valueOf(wanted))
                .redirectErrorStream(true)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Integer> reported = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            StringBuilder seen = new StringBuilder();
            try {
                for (String line; (line = out.readLine()) != null; ) {
                    if (line.startsWith("PORT ") && !reported.isDone()) {
                        reported.complete(Integer.parseInt(line.substring(5).trim()));
                    } else if (!reported.isDone()) {
                        seen.append(line).append('\n');
                    }
                    // the rest is pymodbus' own log, read only so the pipe never fills
                }
            } catch (IOException e) {
                // the process ended; handled below
            }
            reported.completeExceptionally(new IllegalStateException("pymodbus_meter.py ended without a port:\n" + seen));
        }, "pymodbus-out");
        reader.setDaemon(true);
        reader.start();
        port = reported.get(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
