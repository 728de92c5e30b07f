package io.caretaker.hub.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.caretaker.connectors.mqtt.PayloadDecoder;
import io.caretaker.deviceprofiles.ConfigurationLoader;
import io.caretaker.deviceprofiles.ProfileCatalog;
import io.caretaker.deviceprofiles.canonical.DeviceEvent;
import io.caretaker.deviceprofiles.canonical.PointSample;
import io.caretaker.deviceprofiles.canonical.Value;
import io.caretaker.deviceprofiles.site.InstalledDevice;
import io.caretaker.deviceprofiles.site.Site;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped profiles' new rules, fed as their devices really speak: Contact ID lines, a door contact, a meter. */
class ShippedProfileRulesTest {

    private static final Instant T0 = Instant.parse("2026-11-28T02:00:00Z"); // 10:00 in Shanghai
    private final ProfileCatalog profiles = ProfileCatalog.readDirectory(new ConfigurationLoader(), Path.of("../device-profiles/profiles"));
    private final List<String> sink = new ArrayList<>();
    private final RuleEngine engine = new RuleEngine(new Site("test", "Test", ZoneId.of("Asia/Shanghai"), null, List.of(
            new InstalledDevice("panel-1", "fire-panel-contact-id", null, "Tower A", null, null, null),
            new InstalledDevice("door-1", "door-contact-zigbee", null, "Tower A", null, null, null),
            new InstalledDevice("meter-1", "energy-meter-sdm630", null, "Tower A", null, null, null))),
            profiles, new RuleEngineTest.RecordingSink(sink, List.of()), Clock.fixed(T0, ZoneOffset.UTC));

    @Test
    void aContactIdSmokeAlarmIsALifeSafetyAlarmUntilEveryZoneIsRestored() {
        PayloadDecoder panel = new PayloadDecoder("panel-1", profiles.get("fire-panel-contact-id"));

        feed(panel.decode(line("!LRR:005,1,CID_1111,ff"), T0).events());
        feed(panel.decode(line("!LRR:006,1,CID_1111,ff"), T0.plusSeconds(20)).events());
        feed(panel.decode(line("!LRR:005,1,CID_3111,ff"), T0.plusSeconds(90)).events());
        feed(panel.decode(line("!LRR:009,1,CID_1301,ff"), T0.plusSeconds(100)).events()); // AC loss: trouble
        assertThat(sink).containsExactly(
                "raise panel-1 fire-alarm 2026-11-28T02:00:00Z",
                "raise panel-1 fire-trouble 2026-11-28T02:01:40Z");

        feed(panel.decode(line("!LRR:006,1,CID_3111,ff"), T0.plusSeconds(300)).events());
        assertThat(sink).last().isEqualTo("clear panel-1 fire-alarm 2026-11-28T02:05:00Z");
    }

    @Test
    void aDoorLeftOpenAtNightIsAnAlarmButNotInTheDay() {
        doorOpenReporting(T0, 600); // 10:00 Shanghai: held open, but not at night
        assertThat(sink).filteredOn(s -> s.contains("door-open-at-night")).isEmpty();

        doorOpenReporting(Instant.parse("2026-11-28T15:00:00Z"), 300); // 23:00 Shanghai
        assertThat(sink).filteredOn(s -> s.contains("door-open-at-night")).containsExactly(
                "raise door-1 door-open-at-night 2026-11-28T15:05:00Z");
    }

    @Test
    void aMeterWhoseEnergyCounterGoesBackIsFlaggedOnce() {
        engine.onSample(energy(T0, 81234.5));
        engine.onSample(energy(T0.plusSeconds(2), 81234.6));
        engine.onSample(energy(T0.plusSeconds(4), 3.2)); // replaced meter
        engine.onSample(energy(T0.plusSeconds(6), 3.3));

        assertThat(sink).containsExactly("raise meter-1 energy-counter-went-back 2026-11-28T02:00:04Z");
    }

    private void feed(List<DeviceEvent> events) {
        events.forEach(engine::onEvent);
    }

    private static byte[] line(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The door stays open, its contact reporting every 20 s as Zigbee2MQTT does, the clock ticking with it. */
    private void doorOpenReporting(Instant from, int seconds) {
        for (int s = 0; s <= seconds; s += 20) {
            engine.onSample(PointSample.good("door-1", "door_closed", from.plusSeconds(s), Value.of(false)));
            engine.onTick(from.plusSeconds(s));
        }
    }

    private static PointSample energy(Instant at, double kWh) {
        return PointSample.good("meter-1", "import_energy", at, Value.of(kWh));
    }
}
