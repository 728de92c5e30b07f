package io.caretaker.hub.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.caretaker.hub.TestApi;
import io.caretaker.hub.utilisation.IdleFindings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
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
 * The demo's idle plant as an engineer sees it right after the start: the demo site and scenario, with the last
 * week's utilisation filled from the simulator models. The standby pumps never run (live and all week), the clubhouse
 * air conditioner runs 2% of the time, AHU-4 runs day and night, and the idle findings open their work orders.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// closed after this class, not at JVM exit: no other IT reuses it, and all of them closing at exit took over failsafe's 30 s
@DirtiesContext
@ActiveProfiles("demo")
class IdleEquipmentIT {

    @TempDir
    static Path workDir;

    @DynamicPropertySource
    static void demo(DynamicPropertyRegistry registry) throws IOException {
        DemoTestProperties.register(registry, "idle-equipment", workDir, "classpath:caretaker/demo/site.yaml",
                "classpath:caretaker/demo/scenario.yaml", 7);
    }

    @LocalServerPort
    int port;

    @Autowired
    IdleFindings idleFindings;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theIdlePlantShowsAtOnce() throws Exception {
        // live, over Modbus: the standby pump answers, and its run status is never true
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                assertThat(buckets("/api/devices/pump-r-2/points/running/history?step=1m").stream().mapToLong(b -> b.get("count").asLong()).sum())
                        .isGreaterThanOrEqualTo(3));
        assertThat(buckets("/api/devices/pump-r-2/points/running/history?step=1m")).allSatisfy(b -> assertThat(b.get("max").asDouble()).isZero());

        // the last 7 days, today included (six whole days and today until now): most idle first
        JsonNode report = get("/api/utilisation");
        List<JsonNode> ranking = list(report.get("ranking"));
        assertThat(ranking).extracting(r -> r.get("deviceId").asText()).startsWith("pump-r-2", "pump-t-2", "ac-clubhouse");
        Map<String, JsonNode> byDevice = ranking.stream().collect(Collectors.toMap(r -> r.get("deviceId").asText(), Function.identity()));
        for (String standby : List.of("pump-r-2", "pump-t-2")) {
            assertThat(byDevice.get(standby).get("knownHours").asDouble()).isGreaterThan(6 * 24);
            assertThat(byDevice.get(standby).get("runHours").asDouble()).isZero();
            assertThat(byDevice.get(standby).get("idleDays").asInt()).isGreaterThanOrEqualTo(7);
        }
        // 12 s in every 10 minutes, six starts an hour
        JsonNode ac = byDevice.get("ac-clubhouse");
        assertThat(ac.get("dutyCycle").asDouble()).isBetween(0.018, 0.022);
        assertThat(ac.get("starts").asLong()).isGreaterThanOrEqualTo(6 * 24 * 6);
        assertThat(byDevice.get("ahu-4").get("dutyCycle").asDouble()).isCloseTo(1.0, within(0.001));
        // yesterday AHU-4 ran 12 h outside 08:00-20:00 (all of it, on a weekend or holiday)
        String yesterday = LocalDate.parse(report.get("to").asText()).minusDays(1).toString();
        JsonNode ahu4Yesterday = list(report.get("days")).stream()
                .filter(d -> d.get("deviceId").asText().equals("ahu-4") && d.get("day").asText().equals(yesterday)).findFirst().orElseThrow();
        assertThat(ahu4Yesterday.get("unoccupiedRunHours").asDouble()).isGreaterThanOrEqualTo(12.0);

        // the idle findings' check (hourly, the first 2 minutes after the start) opens their work orders
        idleFindings.check();
        List<String> findings = list(get("/api/workorders")).stream().filter(w -> w.get("kind").asText().equals("IDLE_REVIEW"))
                .map(w -> w.get("deviceId").asText() + "/" + w.get("ruleId").asText()).toList();
        assertThat(findings).contains("pump-r-2/idle-never-ran", "pump-t-2/idle-never-ran", "ahu-4/idle-ran-unoccupied",
                "ac-clubhouse/idle-below-peers");

        // the engineers' page: the same ranking in words, each finding linked to its work order, in both languages
        String page = page("/console/utilisation?lang=en");
        assertThat(row(page, "pump-r-2")).contains("Booster pump BP-2 (standby)", ">0%<", " never ran</a>", "/console/workorders/");
        assertThat(row(page, "ac-clubhouse")).contains(">2%<", ">40%<", "far below its peers");
        assertThat(row(page, "ahu-4")).contains(">100%<", "ran while unoccupied");
        assertThat(page.indexOf("id=\"ranked-pump-r-2\"")).isLessThan(page.indexOf("id=\"ranked-ac-clubhouse\""));
        assertThat(row(page("/console/utilisation?lang=zh"), "pump-r-2")).contains(" 从未运行</a>");
        assertThat(page("/console/utilisation?lang=en&from=2026-11-20&to=2026-11-10"))
                .contains("“To” (2026-11-10) is not after “From” (2026-11-20); choose a later “To”.").doesNotContain("id=\"ranking\"");
    }

    private String page(String path) {
        return TestApi.client(port).get().uri(path).retrieve().body(String.class);
    }

    /** The ranking's row of one device, as HTML. */
    private static String row(String page, String deviceId) {
        int start = page.indexOf("<tr id=\"ranked-" + deviceId + "\"");
        assertThat(start).as("a ranking row for " + deviceId).isNotNegative();
        return page.substring(start, page.indexOf("</tr>", start));
    }

    private List<JsonNode> buckets(String path) throws IOException {
        return list(get(path).get("buckets"));
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    private JsonNode get(String path) throws IOException {
        return json.readTree(TestApi.client(port).get().uri(path).retrieve().body(String.class));
    }
}
