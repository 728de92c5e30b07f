package io.caretaker.hub.demo;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The properties an end-to-end test needs to run the embedded demo (on the small end-to-end site, or another): its own
 * in-memory database, free ports for the MQTT, Modbus and OPC UA servers, and a work directory. Shared so the demo-based ITs
 * set the demo up the same way and a new demo property is added in one place.
 */
public final class DemoTestProperties {

    private DemoTestProperties() {
    }

    /**
     * Registers the demo on the end-to-end site, with this in-memory database, work directory and scenario, and no
     * days of utilisation filled before the start.
     */
    public static void register(DynamicPropertyRegistry registry, String database, Path workDir, String scenario)
            throws IOException {
        register(registry, database, workDir, "classpath:caretaker/e2e-site.yaml", scenario, 0);
    }

    /** Registers the demo on this site file, filling the utilisation of {@code historyDays} days before the start. */
    public static void register(DynamicPropertyRegistry registry, String database, Path workDir, String site, String scenario,
                                int historyDays) throws IOException {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1");
        // HiveMQ, j2mod and Milo cannot report an ephemeral port they bound, so free ones are found first
        // (found once: a supplier is asked again each time the property is read)
        int mqtt = freePort();
        int modbus = freePort();
        int opcua = freePort();
        registry.add("caretaker.demo.mqtt-port", () -> mqtt);
        registry.add("caretaker.demo.modbus-port", () -> modbus);
        registry.add("caretaker.demo.opcua-port", () -> opcua);
        registry.add("caretaker.demo.work-dir", () -> workDir.toString());
        registry.add("caretaker.opcua.pki-directory", () -> workDir.resolve("opcua-client-pki").toString());
        registry.add("caretaker.demo.scenario", () -> scenario);
        registry.add("caretaker.demo.history-days", () -> historyDays);
        registry.add("caretaker.site.file", () -> site);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
