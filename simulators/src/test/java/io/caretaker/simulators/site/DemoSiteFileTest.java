package io.caretaker.simulators.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.caretaker.deviceprofiles.ConfigurationLoader;
import io.caretaker.deviceprofiles.Family;
import io.caretaker.deviceprofiles.ProfileCatalog;
import io.caretaker.deviceprofiles.Protocol;
import io.caretaker.deviceprofiles.site.InstalledDevice;
import io.caretaker.deviceprofiles.site.Placeholders;
import io.caretaker.deviceprofiles.site.Site;
import io.caretaker.simulators.model.DeviceModel;
import io.caretaker.simulators.scenario.Scenario;
import io.caretaker.simulators.scenario.ScenarioFile;
import io.caretaker.simulators.scenario.ScenarioPlayer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The demo site: two buildings, every family on every protocol, every device simulated, and it scales. */
class DemoSiteFileTest {

    private static final Path SITE = Path.of("src/main/resources/caretaker/demo/site.yaml");
    private final ConfigurationLoader loader = new ConfigurationLoader();
    private final ProfileCatalog profiles = ProfileCatalog.readDirectory(loader, Path.of("../device-profiles/profiles"));

    @Test
    void theShippedSiteFileIsTheGeneratedOne() throws Exception {
        assertThat(Files.readString(SITE)).isEqualTo(DemoSiteFile.generate(1));
    }

    @Test
    void twoBuildingsWithEveryFamilyOnEveryProtocolAndEveryDeviceSimulated() throws Exception {
        Site site = read(Files.readString(SITE));

        assertThat(site.devices()).hasSizeGreaterThanOrEqualTo(120);
        assertThat(site.devices()).extracting(InstalledDevice::building).containsOnly("Office Tower", "Residential Block");
        Map<Family, java.util.Set<Protocol>> protocolsByFamily = site.devices().stream().collect(Collectors.groupingBy(
                d -> profiles.get(d.profile()).family(), Collectors.mapping(d -> d.connection().protocol(), Collectors.toSet())));
        assertThat(protocolsByFamily.keySet()).containsExactlyInAnyOrder(Family.values());
        assertThat(protocolsByFamily.values().stream().flatMap(java.util.Set::stream).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(Protocol.values());
        // fire on two protocols: Contact ID lines over MQTT and a panel's Modbus interface
        assertThat(protocolsByFamily.get(Family.FIRE)).containsExactlyInAnyOrder(Protocol.MQTT, Protocol.MODBUS);
        assertThat(site.devices()).allSatisfy(d -> assertThat(profiles.get(d.profile()).simulate()).as(d.profile()).isNotNull());
    }

    @Test
    void aScaleParameterMultipliesEveryKindOfDevice() {
        Site big = read(DemoSiteFile.generate(20));

        assertThat(big.devices()).hasSize(132 * 20);
        assertThat(big.devices().stream().map(InstalledDevice::id).distinct()).hasSize(132 * 20);
        // at most 247 units a Modbus gateway: the units spread over several ports
        Map<Integer, Long> unitsPerPort = big.devices().stream().filter(d -> d.connection().protocol() == Protocol.MODBUS)
                .collect(Collectors.groupingBy(d -> d.connection().port(), Collectors.counting()));
        assertThat(unitsPerPort.keySet()).hasSizeGreaterThan(1);
        assertThat(unitsPerPort.values()).allSatisfy(units -> assertThat(units).isLessThanOrEqualTo(247));
    }

    @Test
    void theDemoScenarioNamesOnlyDevicesAndBehavioursTheSiteHas() throws Exception {
        Site site = read(Files.readString(SITE));
        Scenario scenario = ScenarioFile.parse("scenario.yaml", Files.readString(Path.of("src/main/resources/caretaker/demo/scenario.yaml")));
        Map<String, DeviceModel> devices = new LinkedHashMap<>();
        Instant start = Instant.parse("2026-11-30T02:00:00Z");
        site.devices().forEach(d -> devices.put(d.id(), new DeviceModel(d.id(), null, profiles.get(d.profile()), site.timeZone(), 1, start)));

        ScenarioPlayer player = new ScenarioPlayer(scenario, start, devices);

        assertThat(player.playUntil(start.plusSeconds(3600), (device, out) -> { })).isGreaterThan(scenario.steps().size());
        assertThat(player.finished()).isTrue();
    }

    private Site read(String yaml) {
        return loader.readSite("site.yaml", yaml, profiles, text -> Placeholders.resolve(text, name -> null));
    }
}
