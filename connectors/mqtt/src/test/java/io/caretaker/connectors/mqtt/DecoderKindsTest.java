package io.caretaker.connectors.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.caretaker.deviceprofiles.ConfigurationLoader;
import io.caretaker.deviceprofiles.DeviceProfile;
import io.caretaker.deviceprofiles.canonical.DeviceEvent;
import io.caretaker.deviceprofiles.canonical.PointSample;
import io.caretaker.deviceprofiles.canonical.Quality;
import io.caretaker.deviceprofiles.canonical.Value;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** One test per decoder kind a profile can declare, on small profiles written for the purpose. */
class DecoderKindsTest {

    private static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");
    private final ConfigurationLoader loader = new ConfigurationLoader();

    @Test
    void aValueMapTurnsAGatewaysWordsIntoTheValue() {
        DeviceProfile profile = profile("""
                points:
                  - id: door_closed
                    kind: boolean
                    bindings:
                      mqtt: {path: /state, map: {"Door Open": false, "Door Closed": true}}
                """);
        PayloadDecoder decoder = new PayloadDecoder("door-2", profile);

        assertThat(samples(decoder, "{\"state\":\"Door Open\"}").get("door_closed").value()).isEqualTo(Value.of(false));
        assertThat(samples(decoder, "{\"state\":\"Door Closed\"}").get("door_closed").value()).isEqualTo(Value.of(true));
        DecodedMessage unknown = decode(decoder, "{\"state\":\"Door Ajar\"}");
        assertThat(unknown.samples()).singleElement().extracting(PointSample::quality).isEqualTo(Quality.BAD);
        assertThat(unknown.problems()).singleElement().satisfies(p -> assertThat(p.detail()).contains("Door Ajar", "Door Open"));
    }

    @Test
    void scaleConvertsWattHoursToKilowattHours() {
        // a Shelly Gen2 reports aenergy.total in Wh
        DeviceProfile profile = profile("""
                points:
                  - id: energy
                    unit: kWh
                    kind: number
                    bindings:
                      mqtt: {path: /params/switch:0/aenergy/total, scale: 0.001}
                  - id: temperature_f
                    unit: °F
                    kind: number
                    bindings:
                      mqtt: {path: /params/switch:0/temperature/tC, scale: 1.8, offset: 32}
                """);
        Map<String, PointSample> samples = samples(new PayloadDecoder("plug-9", profile),
                "{\"params\":{\"switch:0\":{\"aenergy\":{\"total\":12345.6},\"temperature\":{\"tC\":40.0}}}}");

        assertThat(((Value.Number) samples.get("energy").value()).value()).isCloseTo(12.3456, within(1e-9));
        assertThat(((Value.Number) samples.get("temperature_f").value()).value()).isCloseTo(104.0, within(1e-9));
    }

    @Test
    void stringsThatMeanNumbersAndBooleansAreRead() {
        DeviceProfile profile = profile("""
                points:
                  - id: running
                    kind: boolean
                    bindings:
                      mqtt: {path: /run}
                  - id: speed
                    kind: number
                    bindings:
                      mqtt: {path: /speed}
                """);
        Map<String, PointSample> samples = samples(new PayloadDecoder("fan-1", profile), "{\"run\":\"ON\",\"speed\":\" 42.5 \"}");

        assertThat(samples.get("running").value()).isEqualTo(Value.of(true));
        assertThat(samples.get("speed").value()).isEqualTo(Value.of(42.5));
    }

    @Test
    void aRequiredFieldThatIsMissingIsAProblemWhileAnOptionalOneIsAPartialState() {
        DeviceProfile profile = profile("""
                points:
                  - id: temperature
                    kind: number
                    bindings:
                      mqtt: {path: /t, required: true}
                  - id: humidity
                    kind: number
                    bindings:
                      mqtt: {path: /h}
                """);
        DecodedMessage message = decode(new PayloadDecoder("room-1", profile), "{\"x\":1}");

        assertThat(message.samples()).isEmpty();
        assertThat(message.problems()).singleElement().satisfies(p -> {
            assertThat(p.cause()).isEqualTo(MalformedPayloadException.Cause.MISSING_FIELD);
            assertThat(p.detail()).contains("temperature", "/t");
        });
    }

    @Test
    void aListOrObjectWithoutCombineIsTheWrongType() {
        DeviceProfile profile = profile("""
                points:
                  - id: total
                    kind: number
                    bindings:
                      mqtt: {path: /ENERGY/Total}
                """);
        DecodedMessage message = decode(new PayloadDecoder("plug-1", profile), "{\"ENERGY\":{\"Total\":[1.2,3.4]}}");

        assertThat(message.samples()).singleElement().extracting(PointSample::quality).isEqualTo(Quality.BAD);
        assertThat(message.problems()).singleElement().extracting(DecodedMessage.Problem::cause)
                .isEqualTo(MalformedPayloadException.Cause.WRONG_TYPE);
    }

    @Test
    void eventsAreTiedTogetherByTheirIdAcrossNewUpdateAndEnd() {
        // the shape of a camera's object-detection events (Frigate's frigate/events): type new|update|end
        DeviceProfile profile = profile("""
                mqtt:
                  events:
                    - type: person-seen
                      when: {path: /after/label, in: [person]}
                      phase: {path: /type, map: {new: new, update: update, end: end}}
                      id: [/after/id]
                      attributes: {camera: /after/camera, score: /after/top_score}
                points:
                  - id: last_label
                    kind: text
                    bindings:
                      mqtt: {path: /after/label}
                """);
        PayloadDecoder decoder = new PayloadDecoder("cam-1", profile);

        DeviceEvent started = single(decoder, NOW, "{\"type\":\"new\",\"after\":{\"id\":\"e1\",\"label\":\"person\",\"camera\":\"lobby\",\"top_score\":0.71}}");
        single(decoder, NOW.plusSeconds(3), "{\"type\":\"new\",\"after\":{\"id\":\"e2\",\"label\":\"person\",\"camera\":\"lobby\"}}");
        DeviceEvent updated = single(decoder, NOW.plusSeconds(5), "{\"type\":\"update\",\"after\":{\"id\":\"e1\",\"label\":\"person\",\"camera\":\"lobby\",\"top_score\":0.93}}");
        DeviceEvent ended = single(decoder, NOW.plusSeconds(12), "{\"type\":\"end\",\"after\":{\"id\":\"e1\",\"label\":\"person\",\"camera\":\"lobby\"}}");
        DeviceEvent orphan = single(decoder, NOW.plusSeconds(13), "{\"type\":\"end\",\"after\":{\"id\":\"e0\",\"label\":\"person\",\"camera\":\"lobby\"}}");
        DecodedMessage car = decode(decoder, "{\"type\":\"new\",\"after\":{\"id\":\"e3\",\"label\":\"car\"}}");

        assertThat(started.type()).isEqualTo("person-seen");
        assertThat(started.attributes()).containsEntry("phase", "new").containsEntry("eventId", "e1").containsEntry("camera", "lobby")
                .containsEntry("startedAt", NOW.toString());
        assertThat(updated.attributes()).containsEntry("phase", "update").containsEntry("startedAt", NOW.toString())
                .containsEntry("score", 0.93);
        assertThat(ended.attributes()).containsEntry("phase", "end").containsEntry("startedAt", NOW.toString())
                .containsEntry("durationSeconds", 12.0);
        assertThat(orphan.attributes()).containsEntry("startUnknown", true).doesNotContainKey("startedAt");
        assertThat(car.events()).isEmpty();
        assertThat(car.samples()).singleElement().extracting(PointSample::value).isEqualTo(Value.of("car"));
    }

    @Test
    void aTextPayloadThatMatchesNoLineIsRefused() {
        DeviceProfile profile = profile("""
                mqtt:
                  textPattern: '^T=(?<t>[0-9.]+)$'
                points:
                  - id: temperature
                    kind: number
                    bindings:
                      mqtt: {path: /t}
                """);
        PayloadDecoder decoder = new PayloadDecoder("probe-1", profile);

        assertThat(samples(decoder, "T=21.5\r\n").get("temperature").value()).isEqualTo(Value.of(21.5));
        assertThatThrownBy(() -> decoder.decode("hello".getBytes(StandardCharsets.UTF_8), NOW))
                .isInstanceOfSatisfying(MalformedPayloadException.class,
                        e -> assertThat(e.reason()).isEqualTo(MalformedPayloadException.Cause.NO_MATCH))
                .hasMessageContaining("hello");
        DecodedMessage batch = decode(decoder, "T=20\nnoise\nT=21");
        assertThat(batch.samples()).hasSize(2);
        assertThat(batch.problems()).singleElement().extracting(DecodedMessage.Problem::cause)
                .isEqualTo(MalformedPayloadException.Cause.NO_MATCH);
    }

    private DeviceProfile profile(String body) {
        return loader.readProfile("test-profile.yaml", """
                formatVersion: 1
                id: test-profile
                name: Test
                family: meter
                """ + body);
    }

    private static DeviceEvent single(PayloadDecoder decoder, Instant at, String payload) {
        var events = decoder.decode(payload.getBytes(StandardCharsets.UTF_8), at).events();
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    static DecodedMessage decode(PayloadDecoder decoder, String payload) {
        return decoder.decode(payload.getBytes(StandardCharsets.UTF_8), NOW);
    }

    static Map<String, PointSample> samples(PayloadDecoder decoder, String payload) {
        return decode(decoder, payload).samples().stream().collect(Collectors.toMap(PointSample::pointId, s -> s));
    }
}
