package io.caretaker.deviceprofiles.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caretaker.deviceprofiles.ConfigurationLoader;
import io.caretaker.deviceprofiles.ProfileCatalog;
import io.caretaker.deviceprofiles.Protocol;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SiteFileTest {

    private final ConfigurationLoader loader = new ConfigurationLoader();
    private final ProfileCatalog profiles = ProfileCatalog.readDirectory(loader, Path.of("profiles"));

    private static final String SITE = """
            formatVersion: 1
            site:
              id: tower
              name: Office tower
              timeZone: Asia/Shanghai
              calendar:
                holidays: [2026-10-01]
            devices:
              - id: meter-1
                profile: energy-meter-sdm630
                building: Tower A
                floor: B1
                room: Switch room
                connection:
                  protocol: modbus
                  host: 127.0.0.1
                  port: ${MODBUS_PORT:502}
                  unitId: 3
                  pollInterval: 2s
              - id: door-1
                profile: door-contact-zigbee
                building: Tower A
                floor: 1
                connection:
                  protocol: mqtt
                  broker: tcp://127.0.0.1:1883
                  topic: zigbee2mqtt/door-1
            """;

    @Test
    void readsDevicesWithPlaceholdersFilled() {
        Site site = loader.readSite("site.yaml", SITE, profiles, placeholders(Map.of("MODBUS_PORT", "10502")));

        assertThat(site.calendar().weekend()).containsExactlyInAnyOrder(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(site.calendar().holidays()).containsExactly(LocalDate.of(2026, 10, 1));
        InstalledDevice meter = site.device("meter-1").orElseThrow();
        assertThat(meter.connection().protocol()).isEqualTo(Protocol.MODBUS);
        assertThat(meter.connection().port()).isEqualTo(10502);
        assertThat(meter.connection().unitId()).isEqualTo(3);
        assertThat(meter.connection().pollInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(site.device("door-1").orElseThrow().floor()).isEqualTo("1");
    }

    @Test
    void aSiteMayGiveItsOwnOccupiedHours() {
        String yaml = SITE.replace("    holidays: [2026-10-01]\n", "    holidays: [2026-10-01]\n  occupied: {from: \"07:30\", to: \"22:00\"}\n");

        assertThat(loader.readSite("site.yaml", yaml, profiles, placeholders(Map.of())).occupied())
                .isEqualTo(new Site.Occupied(LocalTime.of(7, 30), LocalTime.of(22, 0)));
        assertThat(loader.readSite("site.yaml", SITE, profiles, placeholders(Map.of())).occupied()).as("the hub's default").isNull();
    }

    @Test
    void occupiedHoursThatEndBeforeTheyStartAreNamedWithFileLineAndField() {
        String backwards = SITE.replace("    holidays: [2026-10-01]\n", "    holidays: [2026-10-01]\n  occupied:\n    from: \"20:00\"\n    to: \"08:00\"\n");
        String unquoted = SITE.replace("    holidays: [2026-10-01]\n", "    holidays: [2026-10-01]\n  occupied: {from: \"8:00\", to: \"20:00\"}\n");

        assertThatThrownBy(() -> loader.readSite("site.yaml", backwards, profiles, placeholders(Map.of())))
                .hasMessageContaining("site.yaml:10: site.occupied.to: '08:00' is not after from '20:00'");
        assertThatThrownBy(() -> loader.readSite("site.yaml", unquoted, profiles, placeholders(Map.of())))
                .hasMessageContaining("site.yaml:8: site.occupied.from: '8:00' is not a time of day: write HH:mm from 00:00 to 23:59,"
                        + " e.g. 07:30");
    }

    @Test
    void aValueOfTheWrongShapeIsQuotedWithWhatTheFieldTakes() {
        String yaml = SITE.replace("pollInterval: 2s", "pollInterval: fast").replace("id: door-1", "id: Door_1")
                .replace("unitId: 3", "unitId: -1");

        assertThatThrownBy(() -> loader.readSite("site.yaml", yaml, profiles, placeholders(Map.of())))
                .hasMessageContaining("devices[0].connection.pollInterval: 'fast' is not a duration: write e.g. 500ms, 2s, 1m, 1h or"
                        + " ISO-8601 PT2S")
                .hasMessageContaining("devices[1].id: 'Door_1' is not an id: use lower-case letters and digits joined by single hyphens,"
                        + " e.g. ahu-1")
                .hasMessageContaining("devices[0].connection.unitId: is -1; it must be at least 0");
    }

    @Test
    void aPlaceholderDefaultIsUsedWhenNothingIsSet() {
        Site site = loader.readSite("site.yaml", SITE, profiles, placeholders(Map.of()));

        assertThat(site.device("meter-1").orElseThrow().connection().port()).isEqualTo(502);
    }

    @Test
    void anUnknownProfileIsNamedWithFileLineAndField() {
        String yaml = SITE.replace("profile: door-contact-zigbee", "profile: door-contact-acme");

        assertThatThrownBy(() -> loader.readSite("site.yaml", yaml, profiles, placeholders(Map.of())))
                .hasMessageContaining("site.yaml:21: devices[1].profile: no profile 'door-contact-acme'");
    }

    @Test
    void aProtocolTheProfileCannotSpeakIsRefused() {
        String yaml = SITE.replace("protocol: mqtt", "protocol: opcua\n      endpoint: opc.tcp://x:4840")
                .replace("      broker: tcp://127.0.0.1:1883\n      topic: zigbee2mqtt/door-1\n", "");

        assertThatThrownBy(() -> loader.readSite("site.yaml", yaml, profiles, placeholders(Map.of())))
                .hasMessageContaining("devices[1].connection.protocol: profile 'door-contact-zigbee' has no opcua bindings");
    }

    @Test
    void aConnectionFieldOfAnotherProtocolIsRefused() {
        String yaml = SITE.replace("      unitId: 3\n", "      unitId: 3\n      topic: x\n");

        assertThatThrownBy(() -> loader.readSite("site.yaml", yaml, profiles, placeholders(Map.of())))
                .hasMessageContaining("site.yaml:19: devices[0].connection.topic: is not a known field");
    }

    @Test
    void aDuplicateDeviceIdIsRefused() {
        String yaml = SITE.replace("id: door-1", "id: meter-1");

        assertThatThrownBy(() -> loader.readSite("site.yaml", yaml, profiles, placeholders(Map.of())))
                .hasMessageContaining("devices[1].id: device id 'meter-1' is used twice");
    }

    private static java.util.function.UnaryOperator<String> placeholders(Map<String, String> env) {
        return text -> Placeholders.resolve(text, env::get);
    }
}
