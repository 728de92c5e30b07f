package io.caretaker.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.caretaker.hub.TestApi;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The hub against a real Mosquitto (its own, with a password file) fed by the real {@code mosquitto_pub}: a door
 * contact and a Tasmota plug from one site file share one MQTT connection; the password comes from a
 * {@code ${...}} placeholder and is never logged; bad payloads are counted per device and cause in the
 * dead-letter store, logged at most once a minute per device, and ingest goes on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// closed after this class, not at JVM exit: no other IT reuses it, and all of them closing at exit took over failsafe's 30 s
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class MqttIngestIT {

    private static final Path MOSQUITTO = Path.of("/usr/sbin/mosquitto");
    private static final Path PUB = Path.of("/usr/bin/mosquitto_pub");
    private static final Path PASSWD = Path.of("/usr/bin/mosquitto_passwd");
    private static final String PASSWORD = "s3cret-" + UUID.randomUUID();
    private static final String DOOR = "{\"battery\":%d,\"contact\":false,\"device_temperature\":26,\"linkquality\":153,\"voltage\":3035}";

    private static Process broker;
    private static int brokerPort;
    private static Path dir;

    @LocalServerPort
    int port;

    private final ObjectMapper json = new ObjectMapper();

    @DynamicPropertySource
    static void site(DynamicPropertyRegistry registry) throws Exception {
        assumeTrue(Files.isExecutable(MOSQUITTO) && Files.isExecutable(PUB) && Files.isExecutable(PASSWD),
                "skipped: needs Debian's mosquitto and mosquitto-clients (" + MOSQUITTO + ", " + PUB + ", " + PASSWD + ")");
        dir = Files.createTempDirectory("caretaker-mqtt-it");
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            brokerPort = socket.getLocalPort(); // mosquitto cannot report a port it chose
        }
        Path passwords = dir.resolve("passwords");
        run(List.of(PASSWD.toString(), "-b", "-c", passwords.toString(), "caretaker", PASSWORD));
        Path conf = dir.resolve("mosquitto.conf");
        Files.writeString(conf, """
                user %s
                listener %d 127.0.0.1
                allow_anonymous false
                password_file %s
                persistence true
                persistence_location %s/
                log_dest file %s
                log_type all
                """.formatted(System.getProperty("user.name"), brokerPort, passwords, dir, dir.resolve("mosquitto.log")));
        broker = new ProcessBuilder(MOSQUITTO.toString(), "-c", conf.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("stdout.log").toFile()).start();
        await().atMost(Duration.ofSeconds(10)).until(MqttIngestIT::accepting);
        Path site = dir.resolve("site.yaml");
        Files.writeString(site, """
                formatVersion: 1
                site: {id: mqtt-it, name: MQTT test site}
                devices:
                  - id: door-1
                    profile: door-contact-zigbee
                    building: Test
                    connection:
                      protocol: mqtt
                      broker: tcp://127.0.0.1:%1$d
                      topic: zigbee2mqtt/{id}
                      username: caretaker
                      password: ${TEST_MQTT_PASSWORD}
                  - id: door-2
                    profile: door-contact-zigbee
                    building: Test
                    connection:
                      protocol: mqtt
                      broker: tcp://127.0.0.1:%1$d
                      topic: zigbee2mqtt/{id}
                      username: caretaker
                      password: ${TEST_MQTT_PASSWORD}
                  - id: plug-1
                    profile: energy-plug-tasmota
                    building: Test
                    connection:
                      protocol: mqtt
                      broker: tcp://127.0.0.1:%1$d
                      topicId: tasmota_0A1B2C
                      username: caretaker
                      password: ${TEST_MQTT_PASSWORD}
                """.formatted(brokerPort));
        registry.add("TEST_MQTT_PASSWORD", () -> PASSWORD);
        registry.add("caretaker.site.file", () -> "file:" + site);
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:mqtt-it;DB_CLOSE_DELAY=-1");
    }

    @AfterAll
    static void stopBroker() throws InterruptedException {
        if (broker != null) {
            broker.destroy();
            broker.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void realPayloadsAreIngestedAndBadOnesSetAsideWhileIngestGoesOn(CapturedOutput output) throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.readString(dir.resolve("mosquitto.log")).contains("Received SUBSCRIBE from caretaker-mqtt-it"));

        publish("zigbee2mqtt/door-1", DOOR.formatted(100));
        publish("tele/tasmota_0A1B2C/SENSOR", "{\"ENERGY\":{\"Total\":[1.2,3.4],\"TotalStartTime\":\"2018-11-23T15:33:47\"}}");
        Path blob = dir.resolve("blob.bin");
        Files.write(blob, new byte[10 * 1024 * 1024]);
        publish("zigbee2mqtt/door-1", "not json at all");
        publish("zigbee2mqtt/door-1", "{\"voltage\":{\"mV\":3000}}");
        run(List.of(PUB.toString(), "-h", "127.0.0.1", "-p", String.valueOf(brokerPort), "-u", "caretaker", "-P", PASSWORD,
                "-q", "1", "-t", "zigbee2mqtt/door-2", "-f", blob.toString()));
        publish("zigbee2mqtt/front-gate", DOOR.formatted(70));
        publish("zigbee2mqtt/door-2", DOOR.formatted(64));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode counts = get("/api/dead-letters").get("counts");
            assertThat(counts.path("door-1/not-json").asLong()).isEqualTo(1);
            assertThat(counts.path("door-1/wrong-type").asLong()).isEqualTo(1);
            assertThat(counts.path("door-2/too-large").asLong()).isEqualTo(1);
            assertThat(counts.path("front-gate/unknown-device").asLong()).isEqualTo(1);
        });
        // ingest went on: every device reported, and the plug's channels add up to its total
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(StreamSupport.stream(get("/api/devices").spliterator(), false).map(d -> d.get("status").asText()))
                    .containsOnly("ONLINE");
            JsonNode history = get("/api/devices/plug-1/points/energy_total/history?step=1m");
            assertThat(history.get("unit").asText()).isEqualTo("kWh");
            assertThat(StreamSupport.stream(history.get("buckets").spliterator(), false).mapToDouble(b -> b.get("max").asDouble()).max())
                    .hasValueCloseTo(4.6, offset(1e-9));
        });
        // what the telemetry writer did shows in the health endpoint, drops included
        JsonNode telemetry = get("/actuator/health").path("components").path("telemetry");
        assertThat(telemetry.path("status").asText()).isEqualTo("UP");
        assertThat(telemetry.path("details").path("written").asLong()).isPositive();
        assertThat(telemetry.path("details").path("dropped").asLong()).isZero();
        assertThat(telemetry.path("details").path("lastDropAt").asText()).isEqualTo("never");
        // door-1 had two bad messages within the minute: logged once; the password never
        assertThat(output.getOut().split("message set aside device=door-1 ", -1)).hasSize(2);
        assertThat(output.getAll()).doesNotContain(PASSWORD);
        // three devices, one MQTT connection
        assertThat(Files.readString(dir.resolve("mosquitto.log")).split("as caretaker-mqtt-it ", -1)).hasSize(2);
    }

    private void publish(String topic, String payload) throws Exception {
        run(List.of(PUB.toString(), "-h", "127.0.0.1", "-p", String.valueOf(brokerPort), "-u", "caretaker", "-P", PASSWORD,
                "-q", "1", "-t", topic, "-m", payload));
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(command.get(0) + " failed: " + new String(p.getInputStream().readAllBytes()));
        }
    }

    private static boolean accepting() {
        try (Socket ignored = new Socket("127.0.0.1", brokerPort)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private JsonNode get(String path) throws Exception {
        return json.readTree(TestApi.client(port).get().uri(path).retrieve().body(String.class));
    }
}
