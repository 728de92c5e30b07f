package io.caretaker.connectors.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.caretaker.deviceprofiles.ConfigurationLoader;
import io.caretaker.deviceprofiles.DeviceProfile;
import io.caretaker.deviceprofiles.ProfileCatalog;
import io.caretaker.deviceprofiles.canonical.DeviceEvent;
import io.caretaker.deviceprofiles.canonical.PointSample;
import io.caretaker.deviceprofiles.canonical.Quality;
import io.caretaker.deviceprofiles.canonical.Value;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The shipped profiles decode real devices' payloads to the values and units those devices mean. */
class RealDevicePayloadsTest {

    private static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");
    private static final Path FORMATS = Path.of("../../../shared/data/formats");
    private static final ProfileCatalog PROFILES = ProfileCatalog.readDirectory(new ConfigurationLoader(), Path.of("../../device-profiles/profiles"));

    private final DeviceProfile plug = PROFILES.get("energy-plug-tasmota");
    private final DeviceProfile panel = PROFILES.get("fire-panel-contact-id");

    @Test
    void tasmotaTotalAsANumberAListOrPerPhaseDecodesToTheExpectedKilowattHours() throws Exception {
        Path file = FORMATS.resolve("mqtt/tasmota_energy_payloads.json");
        assumeTrue(Files.isRegularFile(file), "skipped: " + file.toAbsolutePath().normalize()
                + " is absent (the shared real-format data is not checked out beside this repository)");
        JsonNode cases = new ObjectMapper().readTree(file.toFile()).get("messages_and_expected_HA_states");
        // Home Assistant's names for the values, and the points of this profile that carry them
        Map<String, String> pointOf = Map.of(
                "energy_total_kWh", "energy_total", "energy_total_0_kWh", "energy_total_0", "energy_total_1_kWh", "energy_total_1",
                "energy_total_phase1_kWh", "energy_total_phase1", "energy_total_phase2_kWh", "energy_total_phase2",
                "energy_totaltariff_0", "energy_tariff_0", "energy_totaltariff_1", "energy_tariff_1");
        int checked = 0;
        for (JsonNode c : cases) {
            String payload = (c.has("tele_SENSOR") ? c.get("tele_SENSOR") : c.get("stat_STATUS10")).asText();
            Map<String, PointSample> samples = bySample(new PayloadDecoder("plug-1", plug).decode(payload.getBytes(StandardCharsets.UTF_8), NOW).samples());
            for (var expected : (Iterable<Map.Entry<String, JsonNode>>) c.get("expect")::fields) {
                String point = pointOf.get(expected.getKey());
                if (point == null) {
                    continue; // ANALOG CTEnergy sensors are another Tasmota driver, not an energy plug
                }
                assertThat(samples).as(payload).containsKey(point);
                assertThat(number(samples.get(point))).as(payload + " " + point).isCloseTo(expected.getValue().asDouble(), within(1e-9));
                assertThat(plug.point(point).orElseThrow().unit()).isEqualTo("kWh");
                checked++;
            }
            if (payload.contains("\"Total\":[") || payload.contains("\"Total\":{")) {
                // the plug's total is the sum of its channels or phases: 1.2 + 3.4
                assertThat(number(samples.get("energy_total"))).as(payload).isCloseTo(4.6, within(1e-9));
            }
        }
        assertThat(checked).isEqualTo(8);
    }

    @Test
    void theFullTasmotaSensorMessageDecodesEveryReading() {
        // LIST_SENSOR_CONFIG from home-assistant/core's Tasmota tests
        String payload = """
                {"Time":"2020-09-25T12:47:15","ENERGY":{"TotalStartTime":"2018-11-23T15:33:47","Total":0.017,"TotalTariff":[0.000,0.017],
                 "Yesterday":0.000,"Today":0.002,"ExportActive":0.000,"ExportTariff":[0.000,0.000],"Period":0.00,"Power":0.00,
                 "ApparentPower":7.84,"ReactivePower":-7.21,"Factor":0.39,"Frequency":50.0,"Voltage":234.31,"Current":0.039,
                 "ImportActive":12.580,"ImportReactive":0.002,"ExportReactive":39.131,"PhaseAngle":290.45}}""";
        Map<String, PointSample> samples = bySample(new PayloadDecoder("plug-1", plug).decode(payload.getBytes(StandardCharsets.UTF_8), NOW).samples());

        assertThat(number(samples.get("energy_total"))).isEqualTo(0.017);
        assertThat(number(samples.get("energy_tariff_1"))).isEqualTo(0.017);
        assertThat(number(samples.get("voltage"))).isEqualTo(234.31);
        assertThat(number(samples.get("current"))).isEqualTo(0.039);
        assertThat(number(samples.get("power_factor"))).isEqualTo(0.39);
        assertThat(number(samples.get("reactive_power"))).isEqualTo(-7.21);
        assertThat(number(samples.get("frequency"))).isEqualTo(50.0);
        assertThat(samples).doesNotContainKeys("energy_total_0", "energy_total_phase1");
        assertThat(samples.values()).allMatch(s -> s.quality() == Quality.GOOD);
    }

    @Test
    void aContactIdSmokeAlarmAndItsRestoreBecomeOneFireAlarmEvent() {
        PayloadDecoder decoder = new PayloadDecoder("fire-panel-1", panel);

        DecodedMessage alarm = decoder.decode("!LRR:005,1,CID_1111,ff".getBytes(StandardCharsets.UTF_8), NOW);
        DecodedMessage restore = decoder.decode("!LRR:005,1,CID_3111,ff\n".getBytes(StandardCharsets.UTF_8), NOW.plusSeconds(90));

        DeviceEvent raised = alarm.events().get(0);
        assertThat(alarm.events()).hasSize(1);
        assertThat(raised.type()).isEqualTo("fire-alarm");
        assertThat(raised.attributes()).containsEntry("zone", "005").containsEntry("code", "111").containsEntry("partition", "1")
                .containsEntry("phase", "new").containsEntry("eventId", "005/111");
        DeviceEvent restored = restore.events().get(0);
        assertThat(restored.type()).isEqualTo("fire-alarm");
        assertThat(restored.attributes()).containsEntry("phase", "end").containsEntry("startedAt", NOW.toString())
                .containsEntry("durationSeconds", 90.0);
        Map<String, PointSample> points = bySample(alarm.samples());
        assertThat(points.get("last_zone").value()).isEqualTo(Value.of(5));
        assertThat(points.get("last_report").value()).isEqualTo(Value.of("Fire: Smoke Alarm"));
        assertThat(points.get("last_report_restore").value()).isEqualTo(Value.of(false));
        assertThat(bySample(restore.samples()).get("last_report_restore").value()).isEqualTo(Value.of(true));
    }

    @Test
    void everyFireCodeInTheContactIdTableBecomesTheRightEventType() throws Exception {
        Path file = FORMATS.resolve("fire/contact_id_event_codes.csv");
        assumeTrue(Files.isRegularFile(file), "skipped: " + file.toAbsolutePath().normalize()
                + " is absent (the shared real-format data is not checked out beside this repository)");
        Map<String, String> expectedType = new HashMap<>();
        List<String> rows = Files.readAllLines(file).subList(1, Files.readAllLines(file).size());
        for (String row : rows) {
            String[] columns = row.split(",", 4);
            String code = columns[1];
            String constant = columns[2];
            String type = constant.startsWith("FIRE_") || constant.equals("FIRE") ? "fire-alarm"
                    : constant.startsWith("SUPERVISORY_") && code.startsWith("2") ? "fire-supervisory" // 53x is module supervision
                    : code.startsWith("3") ? "fire-trouble"
                    : code.equals("602") ? "periodic-test" : null;
            if (type != null) {
                expectedType.put(code, type);
            }
        }
        assertThat(expectedType).containsEntry("113", "fire-alarm").containsEntry("200", "fire-supervisory");
        PayloadDecoder decoder = new PayloadDecoder("fire-panel-1", panel);
        for (var e : expectedType.entrySet()) {
            List<DeviceEvent> events = decoder.decode(("!LRR:012,1,CID_1" + e.getKey() + ",ff").getBytes(StandardCharsets.UTF_8), NOW).events();
            assertThat(events).as("code " + e.getKey()).singleElement().extracting(DeviceEvent::type).isEqualTo(e.getValue());
        }
        // a burglary report is not a fire event, though the line is well formed
        assertThat(decoder.decode("!LRR:003,1,CID_1130,ff".getBytes(StandardCharsets.UTF_8), NOW).events()).isEmpty();
    }

    private static double number(PointSample sample) {
        assertThat(sample).isNotNull();
        return ((Value.Number) sample.value()).value();
    }

    private static Map<String, PointSample> bySample(List<PointSample> samples) {
        return samples.stream().collect(Collectors.toMap(PointSample::pointId, s -> s));
    }
}
