package io.caretaker.deviceprofiles.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caretaker.deviceprofiles.ConfigurationLoader;
import io.caretaker.deviceprofiles.ProfileCatalog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The MQTT connection fields of a site file. */
class MqttConnectionTest {

    private final ConfigurationLoader loader = new ConfigurationLoader();
    private final ProfileCatalog profiles = ProfileCatalog.readDirectory(loader, Path.of("profiles"));

    private static final String SITE = """
            formatVersion: 1
            site: {id: tower, name: Office tower}
            devices:
              - id: plug-1
                profile: energy-plug-tasmota
                building: Tower A
                connection:
                  protocol: mqtt
                  broker: ssl://broker.example:8883
                  topicId: tasmota_0A1B2C
                  username: caretaker
                  password: ${MQTT_PASSWORD}
                  clientId: caretaker-tower
                  mqttVersion: 3.1.1
                  sessionExpiry: 2d
                  caFile: /etc/caretaker/broker-ca.pem
            """;

    @Test
    void readsEveryMqttFieldWithThePasswordFromTheEnvironment() {
        Site site = loader.readSite("site.yaml", SITE, profiles, text -> Placeholders.resolve(text, Map.of("MQTT_PASSWORD", "pw")::get));

        Connection c = site.devices().get(0).connection();
        assertThat(c.topic()).isNull(); // the profile's tele/{id}/SENSOR and stat/{id}/STATUS10
        assertThat(c.topicId()).isEqualTo("tasmota_0A1B2C");
        assertThat(c.password()).isEqualTo("pw");
        assertThat(c.mqttVersion()).isEqualTo(MqttVersion.V3_1_1);
        assertThat(c.sessionExpiry()).isEqualTo(Duration.ofDays(2));
        assertThat(c.caFile()).isEqualTo("/etc/caretaker/broker-ca.pem");
        assertThat(c.toString()).doesNotContain("pw");
    }

    @Test
    void versionFiveMayBeWrittenAsANumber() {
        Site site = loader.readSite("site.yaml", SITE.replace("mqttVersion: 3.1.1", "mqttVersion: 5"), profiles,
                text -> Placeholders.resolve(text, Map.of("MQTT_PASSWORD", "pw")::get));

        assertThat(site.devices().get(0).connection().mqttVersion()).isEqualTo(MqttVersion.V5);
    }

    @Test
    void aDeviceWhoseProfileNamesNoTopicNeedsOne() {
        String yaml = SITE.replace("profile: energy-plug-tasmota", "profile: door-contact-zigbee");

        assertThatThrownBy(() -> loader.readSite("site.yaml", yaml, profiles, text -> Placeholders.resolve(text, Map.of("MQTT_PASSWORD", "pw")::get)))
                .hasMessageContaining("site.yaml:7: devices[0].connection: needs topic: profile 'door-contact-zigbee' names no mqtt.topics");
    }

    @Test
    void anUnsetPasswordVariableIsNamed() {
        assertThatThrownBy(() -> loader.readSite("site.yaml", SITE, profiles, text -> Placeholders.resolve(text, Map.<String, String>of()::get)))
                .hasMessageContaining("${MQTT_PASSWORD} has no value; set MQTT_PASSWORD");
    }

    @Test
    void anUnknownMqttVersionIsRefused() {
        assertThatThrownBy(() -> loader.readSite("site.yaml", SITE.replace("mqttVersion: 3.1.1", "mqttVersion: 3.1"), profiles,
                text -> Placeholders.resolve(text, Map.of("MQTT_PASSWORD", "pw")::get)))
                .hasMessageContaining("devices[0].connection.mqttVersion");
    }
}
