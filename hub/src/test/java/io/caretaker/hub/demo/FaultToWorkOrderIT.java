package io.caretaker.hub.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.caretaker.deviceprofiles.site.Site;
import io.caretaker.hub.TestApi;
import io.caretaker.hub.webhooks.Webhook;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole chain on real protocol servers in this JVM: simulated faults on OPC UA, Modbus TCP and MQTT become
 * alarms and CORRECTIVE work orders with DOMAIN.md's due times; a device that goes silent turns OFFLINE and
 * raises its no-data alarm, and comes back ONLINE. Each work order opened goes to the company's webhook receiver (a
 * real HTTP server on loopback) as a signed POST from the outbox.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// closed after this class, not at JVM exit: no other IT reuses it, and all of them closing at exit took over failsafe's 30 s
@DirtiesContext
@ActiveProfiles("demo")
class FaultToWorkOrderIT {

    private static final String WEBHOOK_SECRET = "cmms-secret";
    private static final List<JsonNode> webhookEvents = new CopyOnWriteArrayList<>();
    private static HttpServer cmms;

    @TempDir
    static Path workDir;

    @DynamicPropertySource
    static void demo(DynamicPropertyRegistry registry) throws IOException {
        DemoTestProperties.register(registry, "e2e", workDir, "classpath:caretaker/e2e-scenario.yaml");
        cmms = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        cmms.createContext("/caretaker", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            boolean signed = ("sha256=" + Webhook.sign(WEBHOOK_SECRET, body)).equals(exchange.getRequestHeaders().getFirst(Webhook.SIGNATURE_HEADER));
            if (signed) {
                webhookEvents.add(new ObjectMapper().readTree(body));
            }
            exchange.sendResponseHeaders(signed ? 204 : 401, -1);
            exchange.close();
        });
        cmms.start();
        registry.add("caretaker.webhooks.url", () -> "http://127.0.0.1:" + cmms.getAddress().getPort() + "/caretaker");
        registry.add("caretaker.webhooks.secret", () -> WEBHOOK_SECRET);
    }

    @AfterAll
    static void stopCmms() {
        cmms.stop(0);
    }

    @LocalServerPort
    int port;

    @Autowired
    DemoSite demo;

    @Autowired
    Site site;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void faultsOnEveryProtocolBecomeWorkOrdersAndASilentDeviceGoesOffline() throws Exception {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(statuses()).containsExactlyInAnyOrderEntriesOf(Map.of("ahu-1", "ONLINE", "meter-1", "ONLINE", "door-1", "ONLINE")));

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                assertThat(workOrdersByDevice().keySet()).containsExactlyInAnyOrder("ahu-1", "meter-1", "door-1"));

        // the air handler's fan status, ingested over OPC UA, is counted as utilisation (added up once a minute)
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(
                StreamSupport.stream(get("/api/utilisation").get("ranking").spliterator(), false)
                        .filter(r -> r.get("deviceId").asText().equals("ahu-1")).findFirst().orElseThrow()
                        .get("knownHours").asDouble()).isPositive());

        Map<String, JsonNode> workOrders = workOrdersByDevice();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(webhookEvents.stream()
                .filter(e -> e.get("type").asText().equals("workorder.opened")).map(e -> e.get("workOrder").get("id").asLong()))
                .containsAll(workOrders.values().stream().map(w -> w.get("id").asLong()).toList()));
        assertWorkOrder(workOrders.get("ahu-1"), "MAJOR", Duration.ofHours(2), 3);        // respond 2 h, resolve 3 working days
        assertWorkOrder(workOrders.get("meter-1"), "IMPORTANT", null, 2);                 // respond 1 working day, resolve 2
        assertWorkOrder(workOrders.get("door-1"), "MINOR", Duration.ofHours(2), 1);       // respond 2 h, resolve 1 working day
        JsonNode alarms = get("/api/alarms?state=ACTIVE_UNACKED");
        Set<String> rules = StreamSupport.stream(alarms.spliterator(), false)
                .map(a -> a.get("deviceId").asText() + "/" + a.get("ruleId").asText()).collect(Collectors.toSet());
        assertThat(rules).contains("ahu-1/supply-air-too-hot", "meter-1/voltage-l1-high", "door-1/battery-low");
        assertThat(alarms).allSatisfy(a -> assertThat(a.get("workOrderId").isNumber()).isTrue());

        // the samples behind the fault are kept: the phase 1 history shows the 262 V
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode history = get("/api/devices/meter-1/points/voltage_l1/history?step=10s");
            assertThat(history.get("unit").asText()).isEqualTo("V");
            assertThat(history.get("store").asText()).isEqualTo("sql");
            assertThat(StreamSupport.stream(history.get("buckets").spliterator(), false).mapToDouble(b -> b.get("max").asDouble()).max())
                    .hasValueCloseTo(262.0, offset(0.01));
        });
        var unknownPoint = TestApi.client(port).get().uri("/api/devices/meter-1/points/voltage_l9/history")
                .exchange((request, response) -> Map.entry(response.getStatusCode().value(), json.readTree(response.getBody())));
        assertThat(unknownPoint.getKey()).isEqualTo(404);
        assertThat(unknownPoint.getValue().get("detail").asText()).contains("has no point 'voltage_l9'");

        demo.begin("meter-1", "SILENT");
        // OFFLINE at once on COMM_LOSS from the connector, at the latest after the profile's 30 s without data
        await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> assertThat(statuses().get("meter-1")).isEqualTo("OFFLINE"));
        // the profile says: no data for 30 s raises meter-offline
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(alarmStates("meter-1", "meter-offline")).containsExactly("ACTIVE_UNACKED"));

        demo.begin("meter-1", "NORMAL");
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            assertThat(statuses().get("meter-1")).isEqualTo("ONLINE");
            assertThat(alarmStates("meter-1", "meter-offline")).containsExactly("RETURNED_UNACKED");
        });
        // one alarm per device and rule: the fault that went on through the outage is still the same alarm
        assertThat(alarmStates("meter-1", "voltage-l1-high")).hasSize(1);
    }

    private void assertWorkOrder(JsonNode workOrder, String tier, Duration respondWithin, int resolveWorkingDays) {
        assertThat(workOrder.get("kind").asText()).isEqualTo("CORRECTIVE");
        assertThat(workOrder.get("tier").asText()).isEqualTo(tier);
        assertThat(workOrder.get("alarmId").isNumber()).isTrue();
        OffsetDateTime opened = OffsetDateTime.parse(workOrder.get("openedAt").asText());
        OffsetDateTime respondBy = OffsetDateTime.parse(workOrder.get("respondBy").asText());
        OffsetDateTime resolveBy = OffsetDateTime.parse(workOrder.get("resolveBy").asText());
        assertThat(opened.getOffset().getTotalSeconds()).isEqualTo(8 * 3600); // the demo site is in Asia/Shanghai
        if (respondWithin != null) {
            assertThat(respondBy).isEqualTo(opened.plus(respondWithin));
        } else {
            assertThat(respondBy).isEqualTo(workingDaysAfter(opened, 1));
        }
        assertThat(resolveBy).isEqualTo(workingDaysAfter(opened, resolveWorkingDays));
    }

    /** Counted here independently of the hub's calendar code: weekends and the site file's holidays are skipped. */
    private OffsetDateTime workingDaysAfter(OffsetDateTime from, int days) {
        OffsetDateTime at = from;
        int counted = 0;
        while (counted < days) {
            at = at.plusDays(1);
            boolean weekend = at.getDayOfWeek().getValue() >= 6;
            if (!weekend && !site.calendar().holidays().contains(at.toLocalDate())) {
                counted++;
            }
        }
        return at;
    }

    private Map<String, String> statuses() throws IOException {
        return StreamSupport.stream(get("/api/devices").spliterator(), false)
                .collect(Collectors.toMap(d -> d.get("id").asText(), d -> d.get("status").asText()));
    }

    private Map<String, JsonNode> workOrdersByDevice() throws IOException {
        return StreamSupport.stream(get("/api/workorders").spliterator(), false)
                .collect(Collectors.toMap(w -> w.get("deviceId").asText(), w -> w, (a, b) -> a));
    }

    private java.util.List<String> alarmStates(String deviceId, String ruleId) throws IOException {
        return StreamSupport.stream(get("/api/alarms").spliterator(), false)
                .filter(a -> a.get("deviceId").asText().equals(deviceId) && a.get("ruleId").asText().equals(ruleId))
                .map(a -> a.get("state").asText()).toList();
    }

    private JsonNode get(String path) throws IOException {
        String body = TestApi.client(port).get().uri(path).retrieve().body(String.class);
        return json.readTree(body);
    }
}
