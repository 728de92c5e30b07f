package io.caretaker.connectors.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caretaker.deviceprofiles.ConfigurationLoader;
import io.caretaker.deviceprofiles.DeviceProfile;
import io.caretaker.deviceprofiles.ProfileCatalog;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopicRouterTest {

    private static final ProfileCatalog PROFILES = ProfileCatalog.readDirectory(new ConfigurationLoader(), Path.of("../../device-profiles/profiles"));
    private final DeviceProfile door = PROFILES.get("door-contact-zigbee");
    private final DeviceProfile plug = PROFILES.get("energy-plug-tasmota");

    @Test
    void manyDevicesOfOnePatternShareOneWildcardSubscriptionAndAreToldApartByTheirTopicLevel() {
        TopicRouter router = new TopicRouter(List.of(
                new MqttDevice("door-1", null, door, List.of("zigbee2mqtt/{id}")),
                new MqttDevice("door-2", "Lobby West", door, List.of("zigbee2mqtt/{id}")),
                new MqttDevice("plug-1", "tasmota_0A1B2C", plug, plug.mqtt().topics())));

        assertThat(router.subscriptions()).containsExactly("zigbee2mqtt/+", "tele/+/SENSOR", "stat/+/STATUS10");
        assertThat(router.deviceFor("zigbee2mqtt/door-1")).map(MqttDevice::deviceId).contains("door-1");
        assertThat(router.deviceFor("zigbee2mqtt/Lobby West")).map(MqttDevice::deviceId).contains("door-2");
        assertThat(router.deviceFor("stat/tasmota_0A1B2C/STATUS10")).map(MqttDevice::deviceId).contains("plug-1");
        assertThat(router.deviceFor("zigbee2mqtt/door-3")).isEmpty();
        assertThat(router.unknownDeviceName("zigbee2mqtt/door-3")).isEqualTo("door-3");
        assertThat(router.unknownDeviceName("tele/tasmota_FFFFFF/SENSOR")).isEqualTo("tasmota_FFFFFF");
    }

    @Test
    void aDeviceTopicMayItselfBeAWildcard() {
        TopicRouter router = new TopicRouter(List.of(new MqttDevice("door-1", null, door, List.of("site/door-1/#"))));

        assertThat(router.deviceFor("site/door-1/state/contact")).map(MqttDevice::deviceId).contains("door-1");
        assertThat(router.deviceFor("site/door-2/state")).isEmpty();
        assertThat(router.unknownDeviceName("site/door-2/state")).isEqualTo("site/door-2/state");
    }

    @Test
    void twoDevicesOnOneTopicAreRefusedByName() {
        assertThatThrownBy(() -> new TopicRouter(List.of(
                new MqttDevice("door-1", null, door, List.of("zigbee2mqtt/front")),
                new MqttDevice("door-2", null, door, List.of("zigbee2mqtt/front")))))
                .hasMessageContaining("devices door-1 and door-2 both listen on topic zigbee2mqtt/front");
    }

    @Test
    void topicFiltersMatchAsMqttSays() {
        assertThat(TopicRouter.matches("a/+/c", "a/b/c")).isTrue();
        assertThat(TopicRouter.matches("a/+/c", "a/b/d")).isFalse();
        assertThat(TopicRouter.matches("a/#", "a")).isTrue();
        assertThat(TopicRouter.matches("a/#", "a/b/c")).isTrue();
        assertThat(TopicRouter.matches("a/+", "a/b/c")).isFalse();
    }
}
