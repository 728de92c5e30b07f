package io.caretaker.deviceprofiles.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caretaker.deviceprofiles.ConfigurationLoader;
import io.caretaker.deviceprofiles.DeviceProfile;
import io.caretaker.deviceprofiles.InvalidConfigurationException;
import io.caretaker.deviceprofiles.ProfileCatalog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The OPC UA connection fields of a site file and the profile's opcua section. */
class OpcUaConnectionTest {

    private final ConfigurationLoader loader = new ConfigurationLoader();
    private final ProfileCatalog profiles = ProfileCatalog.readDirectory(loader, Path.of("profiles"));

    private static final String SITE = """
            formatVersion: 1
            site: {id: plant, name: Plant}
            devices:
              - id: ahu-1
                profile: air-handler-basic
                building: Plant room
                connection:
                  protocol: opcua
                  endpoint: opc.tcp://plc:4840/
                  nodePrefix: ahu-1/
                  securityPolicy: %s
                  securityMode: %s
                  username: caretaker
                  password: ${PLC_PASSWORD}
            """;

    @Test
    void readsSecurityAndLoginWithThePasswordFromTheEnvironment() {
        Site site = loader.readSite("site.yaml", SITE.formatted("Basic256Sha256", "Sign"), profiles,
                text -> Placeholders.resolve(text, Map.of("PLC_PASSWORD", "pw-from-env")::get));

        Connection c = site.devices().get(0).connection();
        assertThat(c.securityPolicy()).isEqualTo("Basic256Sha256");
        assertThat(c.securityMode()).isEqualTo("Sign");
        assertThat(c.username()).isEqualTo("caretaker");
        assertThat(c.password()).isEqualTo("pw-from-env");
        assertThat(c.toString()).doesNotContain("pw-from-env");
    }

    @Test
    void anUnknownSecurityPolicyNamesFileLineAndField() {
        assertThatThrownBy(() -> loader.readSite("site.yaml", SITE.formatted("Basic128Rsa15", "Sign"), profiles,
                text -> Placeholders.resolve(text, Map.of("PLC_PASSWORD", "pw")::get)))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("site.yaml")
                .hasMessageContaining("securityPolicy");
    }

    @Test
    void theProfileSetsSamplingAndPublishingIntervalsWithOneSecondDefaults() {
        String yaml = """
                formatVersion: 1
                id: boiler-acme
                name: Boiler
                family: hvac
                opcua: {samplingInterval: 250ms}
                points:
                  - id: flow_temperature
                    kind: number
                    bindings:
                      opcua: {nodeId: "nsu=urn:acme:boilers;s=FlowTemperature"}
                """;
        DeviceProfile profile = loader.readProfile("boiler-acme.yaml", yaml);

        assertThat(profile.opcua().samplingInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(profile.opcua().publishingInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThatThrownBy(() -> loader.readProfile("boiler-acme.yaml", yaml.replace("samplingInterval: 250ms",
                "samplingRate: 250ms"))).hasMessageContaining("samplingRate");
    }
}
