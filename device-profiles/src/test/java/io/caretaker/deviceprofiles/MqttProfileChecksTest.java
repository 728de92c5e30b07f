package io.caretaker.deviceprofiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The MQTT parts of a profile: read into records, and every mistake named with its line and field. */
class MqttProfileChecksTest {

    private final ConfigurationLoader loader = new ConfigurationLoader();

    private static final String GATEWAY = """
            formatVersion: 1
            id: test-panel
            name: Test panel
            family: fire
            mqtt:
              topics: ["alarm/{id}/cid"]
              textPattern: '^!LRR:(?<zone>[0-9]{3}),(?<partition>[0-9]+),CID_(?<qualifier>[136])(?<code>[0-9]{3}),(?<report>[0-9a-f]+)$'
              events:
                - type: fire-alarm
                  when: {path: /code, matches: '11[0-8]'}
                  phase: {path: /qualifier, map: {"1": new, "3": end}}
                  id: [/zone, /code]
                  attributes: {zone: /zone}
            points:
              - id: last_zone
                kind: number
                bindings:
                  mqtt: {path: /zone}
              - id: restore
                kind: boolean
                bindings:
                  mqtt: {path: /qualifier, map: {"1": false, "3": true}}
            """;

    @Test
    void readsTopicsPatternEventsAndBindings() {
        DeviceProfile profile = loader.readProfile("test-panel.yaml", GATEWAY);

        assertThat(profile.mqtt().topics()).containsExactly("alarm/{id}/cid");
        assertThat(profile.mqtt().isText()).isTrue();
        MqttEvent event = profile.mqtt().events().get(0);
        assertThat(event.phase().map()).containsEntry("1", MqttEvent.Phase.NEW).containsEntry("3", MqttEvent.Phase.END);
        assertThat(event.id()).containsExactly("/zone", "/code");
        MqttBinding restore = profile.point("restore").orElseThrow().bindings().mqtt();
        assertThat(restore.path()).containsExactly("/qualifier");
        assertThat(restore.map()).containsEntry("3", true);
        assertThat(restore.scale()).isEqualTo(1.0);
    }

    @Test
    void aPathCanBeSeveralPointersTriedInOrder() {
        DeviceProfile plug = ProfileCatalog.readDirectory(loader, Path.of("profiles")).get("energy-plug-tasmota");

        MqttBinding total = plug.point("energy_total").orElseThrow().bindings().mqtt();
        assertThat(total.path()).isEqualTo(List.of("/ENERGY/Total", "/StatusSNS/ENERGY/Total"));
        assertThat(total.combine()).isEqualTo(MqttBinding.Combine.SUM);
        assertThat(plug.mqtt().topics()).containsExactly("tele/{id}/SENSOR", "stat/{id}/STATUS10");
    }

    @Test
    void aPathNamingNoGroupOfTheTextPatternIsRefused() {
        String yaml = GATEWAY.replace("mqtt: {path: /zone}", "mqtt: {path: /zones}");

        assertThatThrownBy(() -> loader.readProfile("test-panel.yaml", yaml))
                .hasMessageContaining("test-panel.yaml:18: points[0].bindings.mqtt.path: names field '/zones', but textPattern has no group (?<zones>...)");
    }

    @Test
    void aTextPatternThatIsNoRegularExpressionIsRefused() {
        String yaml = GATEWAY.replace("CID_(?<qualifier>[136])", "CID_(?<qualifier>[136]");

        assertThatThrownBy(() -> loader.readProfile("test-panel.yaml", yaml))
                .hasMessageContaining("test-panel.yaml:7: mqtt.textPattern: is not a regular expression");
    }

    @Test
    void aMapValueOfAnotherKindThanThePointIsRefused() {
        String yaml = GATEWAY.replace("map: {\"1\": false, \"3\": true}", "map: {\"1\": \"no\", \"3\": true}");

        assertThatThrownBy(() -> loader.readProfile("test-panel.yaml", yaml))
                .hasMessageContaining("test-panel.yaml:22: points[1].bindings.mqtt.map[1]: maps '1' to \"no\", which is not a boolean like the point");
    }

    @Test
    void aPhasedEventWithoutAnIdIsRefused() {
        String yaml = GATEWAY.replace("      id: [/zone, /code]\n", "");

        assertThatThrownBy(() -> loader.readProfile("test-panel.yaml", yaml))
                .hasMessageContaining("mqtt.events[0].id: an event with a phase needs id");
    }

    @Test
    void combineOnATextPointIsRefused() {
        String yaml = GATEWAY.replace("mqtt: {path: /zone}", "mqtt: {path: /zone, combine: sum}").replace("- id: last_zone\n    kind: number", "- id: last_zone\n    kind: text");

        assertThatThrownBy(() -> loader.readProfile("test-panel.yaml", yaml))
                .hasMessageContaining("points[0].bindings.mqtt.combine: combine adds up numbers; this point is text");
    }

    @Test
    void anUnknownPhaseWordIsASchemaError() {
        String yaml = GATEWAY.replace("\"3\": end}", "\"3\": restore}");

        assertThatThrownBy(() -> loader.readProfile("test-panel.yaml", yaml))
                .hasMessageContaining("test-panel.yaml:11: mqtt.events[0].phase.map[3]: 'restore' is not one of new, update, end");
    }
}
