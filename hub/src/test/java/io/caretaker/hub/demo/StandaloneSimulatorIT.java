package io.caretaker.hub.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.caretaker.hub.TestApi;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The standalone simulators, in a process of their own ({@code java -jar caretaker-simulators-exec.jar}), drive a
 * hub over real sockets: OPC UA, Modbus TCP and MQTT through a broker. Both read the same site file; the simulators
 * play a scenario whose faults must arrive at the hub as alarms, and when the process is killed every device must
 * go OFFLINE.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// closed after this class, not at JVM exit: no other IT reuses it, and all of them closing at exit took over failsafe's 30 s
@DirtiesContext
class StandaloneSimulatorIT {

    @TempDir
    static Path workDir;

    static EmbeddedBroker broker;
    static Process simulators;
    static Path simulatorLog;

    @DynamicPropertySource
    static void site(DynamicPropertyRegistry registry) throws Exception {
        int mqtt = freePort();
        int modbus = freePort();
        int opcua = freePort();
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:standalone;DB_CLOSE_DELAY=-1");
        registry.add("caretaker.site.file", () -> "classpath:caretaker/standalone-site.yaml");
        registry.add("caretaker.demo.mqtt-port", () -> mqtt);
        registry.add("caretaker.demo.modbus-port", () -> modbus);
        registry.add("caretaker.demo.opcua-port", () -> opcua);
        registry.add("caretaker.opcua.pki-directory", () -> workDir.resolve("opcua-client-pki").toString());

        // the broker stands for the site's Mosquitto: neither the hub's nor the simulators' own
        broker = new EmbeddedBroker("127.0.0.1", mqtt, workDir.resolve("broker"));
        broker.start();
        Path site = workDir.resolve("site.yaml");
        Files.writeString(site, new ClassPathResource("caretaker/standalone-site.yaml").getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        Path scenario = workDir.resolve("scenario.yaml");
        Files.writeString(scenario, new ClassPathResource("caretaker/standalone-scenario.yaml").getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        simulatorLog = workDir.resolve("simulators.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(launcher());
        command.addAll(List.of("--site=" + site, "--scenario=" + scenario, "--bind=127.0.0.1"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(simulatorLog.toFile());
        builder.environment().put("CARETAKER_DEMO_MQTT_PORT", String.valueOf(mqtt));
        builder.environment().put("CARETAKER_DEMO_MODBUS_PORT", String.valueOf(modbus));
        builder.environment().put("CARETAKER_DEMO_OPCUA_PORT", String.valueOf(opcua));
        simulators = builder.start();
        // the hub starts after the simulators listen, as it would beside a running site (it retries if not)
        await().atMost(Duration.ofSeconds(90)).until(() -> Files.readString(simulatorLog).contains("simulators running")
                || !simulators.isAlive());
        assertThat(simulators.isAlive()).as(Files.readString(simulatorLog)).isTrue();
    }

    /** {@code -jar} the simulators' runnable jar where the build made one, else their classes from this classpath. */
    private static List<String> launcher() throws IOException {
        try (var jars = Files.list(Path.of("../simulators/target"))) {
            var exec = jars.filter(p -> p.getFileName().toString().endsWith("-exec.jar")).findFirst();
            if (exec.isPresent()) {
                return List.of("-jar", exec.get().toString());
            }
        } catch (java.nio.file.NoSuchFileException e) {
            // no build output beside us: fall back to the classpath
        }
        return List.of("-cp", System.getProperty("java.class.path"), "io.caretaker.simulators.SimulatorsMain");
    }

    @AfterAll
    static void stop() throws Exception {
        if (simulators != null) {
            simulators.destroyForcibly().waitFor();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @LocalServerPort
    int port;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void faultsPlayedByASeparateProcessBecomeAlarmsAndItsDevicesGoOfflineWhenItStops() throws Exception {
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(statuses())
                .as(Files.readString(simulatorLog))
                .containsExactlyInAnyOrderEntriesOf(Map.of("ahu-1", "ONLINE", "fire-panel-t-1", "ONLINE", "door-t-03", "ONLINE")));

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(activeAlarms())
                .containsExactlyInAnyOrder("ahu-1/supply-air-too-hot", "fire-panel-t-1/fire-alarm", "door-t-03/door-forced-open"));

        simulators.destroyForcibly().waitFor();

        // the Modbus and OPC UA connectors lose their peer; the door controller falls quiet past its no-data time
        await().atMost(Duration.ofSeconds(180)).untilAsserted(() -> assertThat(statuses().values()).containsOnly("OFFLINE"));
    }

    private Map<String, String> statuses() throws IOException {
        return StreamSupport.stream(get("/api/devices").spliterator(), false)
                .collect(Collectors.toMap(d -> d.get("id").asText(), d -> d.get("status").asText()));
    }

    private Set<String> activeAlarms() throws IOException {
        return StreamSupport.stream(get("/api/alarms?state=ACTIVE_UNACKED").spliterator(), false)
                .map(a -> a.get("deviceId").asText() + "/" + a.get("ruleId").asText()).collect(Collectors.toSet());
    }

    private JsonNode get(String path) throws IOException {
        return json.readTree(TestApi.client(port).get().uri(path).retrieve().body(String.class));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
