package io.caretaker.connectors.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caretaker.deviceprofiles.ConfigurationLoader;
import io.caretaker.deviceprofiles.DeviceProfile;
import io.caretaker.deviceprofiles.ProfileCatalog;
import io.caretaker.deviceprofiles.canonical.PointSample;
import io.caretaker.deviceprofiles.canonical.Quality;
import io.caretaker.deviceprofiles.canonical.Value;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PayloadDecoderTest {

    private static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");
    private final DeviceProfile door = ProfileCatalog.readDirectory(new ConfigurationLoader(), Path.of("../../device-profiles/profiles"))
            .get("door-contact-zigbee");
    private final PayloadDecoder decoder = new PayloadDecoder("door-1", door);

    @Test
    void decodesTheZigbee2MqttDoorContactPayload() {
        // the example payload from the Zigbee2MQTT MCCGQ11LM documentation: contact false means the door is open
        String payload = "{\"battery\":100,\"contact\":false,\"device_temperature\":26,\"linkquality\":153,\"power_outage_count\":6889,\"voltage\":3035}";

        Map<String, PointSample> samples = bySample(decode(decoder, payload.getBytes(StandardCharsets.UTF_8), NOW));

        assertThat(samples.get("door_closed").value()).isEqualTo(Value.of(false));
        assertThat(samples.get("battery").value()).isEqualTo(Value.of(100));
        assertThat(samples.get("battery_voltage").value()).isEqualTo(Value.of(3035));
        assertThat(samples.get("link_quality").value()).isEqualTo(Value.of(153));
        assertThat(samples.values()).allMatch(s -> s.quality() == Quality.GOOD && s.observedAt().equals(NOW));
    }

    @Test
    void aPartialStateGivesOnlyThePointsItCarries() {
        List<PointSample> samples = decoder.decode("{\"contact\":true}".getBytes(StandardCharsets.UTF_8), NOW).samples();

        assertThat(samples).extracting(PointSample::pointId).containsExactly("door_closed");
    }

    @Test
    void booleansAndNumbersSentAsStringsAreRead() {
        Map<String, PointSample> samples = bySample(decode(decoder, 
                "{\"contact\":\"true\",\"voltage\":\"2950\"}".getBytes(StandardCharsets.UTF_8), NOW));

        assertThat(samples.get("door_closed").value()).isEqualTo(Value.of(true));
        assertThat(samples.get("battery_voltage").value()).isEqualTo(Value.of(2950));
    }

    @Test
    void aFieldOfTheWrongTypeIsABadSampleAndTheRestStillDecodes() {
        Map<String, PointSample> samples = bySample(decode(decoder, 
                "{\"contact\":{\"x\":1},\"voltage\":3000}".getBytes(StandardCharsets.UTF_8), NOW));

        assertThat(samples.get("door_closed").quality()).isEqualTo(Quality.BAD);
        assertThat(samples.get("battery_voltage").quality()).isEqualTo(Quality.GOOD);
        assertThat(decoder.decode("{\"contact\":{\"x\":1}}".getBytes(StandardCharsets.UTF_8), NOW).problems())
                .singleElement().satisfies(p -> {
                    assertThat(p.cause()).isEqualTo(MalformedPayloadException.Cause.WRONG_TYPE);
                    assertThat(p.detail()).contains("door_closed", "/contact");
                });
    }

    @Test
    void aValueOutsideThePointsRangeIsBad() {
        Map<String, PointSample> samples = bySample(decode(decoder, "{\"battery\":180}".getBytes(StandardCharsets.UTF_8), NOW));

        assertThat(samples.get("battery").quality()).isEqualTo(Quality.BAD);
    }

    @Test
    void notJsonIsRefusedWithItsCause() {
        assertThatThrownBy(() -> decoder.decode("door open".getBytes(StandardCharsets.UTF_8), NOW))
                .isInstanceOfSatisfying(MalformedPayloadException.class,
                        e -> assertThat(e.reason()).isEqualTo(MalformedPayloadException.Cause.NOT_JSON))
                .hasMessageContaining("device=door-1");
    }

    @Test
    void aJsonArrayIsRefused() {
        assertThatThrownBy(() -> decoder.decode("[1,2]".getBytes(StandardCharsets.UTF_8), NOW))
                .isInstanceOfSatisfying(MalformedPayloadException.class,
                        e -> assertThat(e.reason()).isEqualTo(MalformedPayloadException.Cause.NOT_AN_OBJECT));
    }

    @Test
    void aHugePayloadIsRefusedBeforeParsing() {
        byte[] huge = new byte[PayloadDecoder.MAX_PAYLOAD_BYTES + 1];

        assertThatThrownBy(() -> decoder.decode(huge, NOW))
                .isInstanceOfSatisfying(MalformedPayloadException.class,
                        e -> assertThat(e.reason()).isEqualTo(MalformedPayloadException.Cause.TOO_LARGE));
    }

    private static List<PointSample> decode(PayloadDecoder decoder, byte[] payload, Instant at) {
        return decoder.decode(payload, at).samples();
    }

    private static Map<String, PointSample> bySample(List<PointSample> samples) {
        return samples.stream().collect(Collectors.toMap(PointSample::pointId, s -> s));
    }
}
