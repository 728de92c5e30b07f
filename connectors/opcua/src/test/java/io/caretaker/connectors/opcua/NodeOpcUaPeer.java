package io.caretaker.connectors.opcua;

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
 * The node-opcua server in {@code src/test/node/peer} as a child process. Tests using it are skipped, saying why,
 * when node or the installed node-opcua package is missing ({@code npm ci} in that folder installs it).
 */
final class NodeOpcUaPeer implements AutoCloseable {

    static final Path FOLDER = Path.of("src", "test", "node", "peer");
    static final String NAMESPACE_URI = "urn:caretaker:test-peer";

    private final Path pki;
    private Process process;
    private int port;

    private NodeOpcUaPeer(Path pki) {
        this.pki = pki;
    }

    /** Skips the calling test unless node and node-opcua are there. */
    static NodeOpcUaPeer available(Path pki) {
        assumeTrue(node() != null, "node is not installed (looked for /usr/bin/node and node on the PATH); "
                + "install Node.js 20 to run the node-opcua peer tests");
        assumeTrue(Files.isDirectory(FOLDER.resolve("node_modules").resolve("node-opcua")),
                "node-opcua is not installed; run 'npm ci' in connectors/opcua/src/test/node/peer");
        return new NodeOpcUaPeer(pki);
    }

    /** Starts the server on {@code port} (0: a free one) and waits until it listens. */
    NodeOpcUaPeer start(int requestedPort) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(node(), "server.js", String.valueOf(requestedPort), pki.toString())
                .directory(FOLDER.toFile())
                .redirectError(pki.resolve("peer-stderr.log").toFile());
        Files.createDirectories(pki);
        process = builder.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Integer> listening = CompletableFuture.supplyAsync(() -> {
            try {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("LISTENING ")) {
                        int bound = Integer.parseInt(line.substring("LISTENING ".length()).trim());
                        // Keep draining so the child never blocks on a full pipe.
                        CompletableFuture.runAsync(() -> out.lines().forEach(l -> { }));
                        return bound;
                    }
                }
                throw new IllegalStateException("node-opcua peer ended before listening; see "
                        + pki.resolve("peer-stderr.log"));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        port = listening.get(60, TimeUnit.SECONDS);
        return this;
    }

    int port() {
        return port;
    }

    String endpointUrl() {
        return "opc.tcp://127.0.0.1:" + port + "/peer";
    }

    /** Stops the server as a power cut or a restart would, from the client's side: the socket just goes. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private static String node() {
        if (Files.isExecutable(Path.of("/usr/bin/node"))) {
            return "/usr/bin/node";
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                if (Files.isExecutable(Path.of(dir, "node"))) {
                    return Path.of(dir, "node").toString();
                }
            }
        }
        return null;
    }
}
