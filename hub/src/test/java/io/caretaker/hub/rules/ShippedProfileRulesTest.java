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
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shipped profiles' new rules, fed as their devices really speak: Contact ID lines, a door contact, meters, a
 * chiller and a pump.
 */
class ShippedProfileRulesTest {

    private static final Instant T0 = Instant.parse("2026-11-28T02:00:00Z"); // 10:00 in Shanghai
    private final ProfileCatalog profiles = ProfileCatalog.readDirectory(new ConfigurationLoader(), Path.of("../device-profiles/profiles"));
    private final List<String> sink = new ArrayList<>();
    private final RuleEngine engine = new RuleEngine(new Site("test", "Test", ZoneId.of("Asia/Shanghai"), null, List.of(
            new InstalledDevice("panel-1", "fire-panel-contact-id", null, "Tower A", null, null, null),
            new InstalledDevice("door-1", "door-contact-zigbee", null, "Tower A", null, null, null),
            new InstalledDevice("meter-1", "energy-meter-sdm630", null, "Tower A", null, null, null),
            new InstalledDevice("chiller-1", "chiller-opcua", null, "Tower A", null, null, null),
            new InstalledDevice("pump-1", "pump-modbus", null, "Tower A", null, null, null),
            new InstalledDevice("water-1", "water-meter-mqtt", null, "Tower A", null, null, null))),
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

    @Test
    void aZoneIsolatedOverContactIdIsAFaultOnlyOnceLeftOnForFourHours() {
        PayloadDecoder panel = new PayloadDecoder("panel-1", profiles.get("fire-panel-contact-id"));

        feed(panel.decode(line("!LRR:007,1,CID_1571,ff"), T0).events());
        engine.onTick(T0.plus(Duration.ofHours(4)).minusSeconds(1));
        assertThat(sink).filteredOn(s -> s.contains("isolation-left-on")).isEmpty();

        engine.onTick(T0.plus(Duration.ofHours(4)));
        feed(panel.decode(line("!LRR:007,1,CID_3571,ff"), T0.plus(Duration.ofHours(5))).events());
        assertThat(sink).filteredOn(s -> s.contains("isolation-left-on")).containsExactly(
                "raise panel-1 isolation-left-on 2026-11-28T06:00:00Z",
                "clear panel-1 isolation-left-on 2026-11-28T07:00:00Z");
    }

    @Test
    void aChillerCompressorStartingEveryFourMinutesIsShortCyclingAtItsSeventhStartInTheHour() {
        for (int s = 0; s <= 40 * 60; s += 5) { // on two minutes, off two, as the OPC UA server reports it
            Instant at = T0.plusSeconds(s);
            engine.onSample(PointSample.good("chiller-1", "compressor_running", at, Value.of(s % 240 < 120)));
            engine.onTick(at);
        }

        // running when first heard (not a start), then starting at 4, 8 ... min: the seventh at 28 min
        assertThat(sink).filteredOn(s -> s.contains("chiller-1")).containsExactly(
                "raise chiller-1 compressor-short-cycling 2026-11-28T02:28:00Z");
    }

    @Test
    void aPumpCommandedButNotRunningIsAFaultThatATrippedDriveAlreadyExplains() {
        for (int s = 0; s <= 60; s += 5) {
            Instant at = T0.plusSeconds(s);
            engine.onSample(PointSample.good("pump-1", "run_command", at, Value.of(true)));
            engine.onSample(PointSample.good("pump-1", "running", at, Value.of(false)));
            engine.onSample(PointSample.good("pump-1", "drive_fault", at, Value.of(s >= 40)));
            engine.onTick(at);
        }

        assertThat(sink).filteredOn(s -> s.contains("pump-1")).containsExactly(
                "raise pump-1 pump-failed 2026-11-28T02:00:30Z",
                "suppress pump-1 pump-failed plant off: drive_fault is true",
                "raise pump-1 drive-fault 2026-11-28T02:00:45Z");
    }

    @Test
    void aWaterMeterReadingLowerThanBeforeIsFlaggedOnce() {
        PayloadDecoder meter = new PayloadDecoder("water-1", profiles.get("water-meter-mqtt"));

        water(meter, T0, 512.384, 0.0);
        water(meter, T0.plusSeconds(60), 512.391, 0.4);
        water(meter, T0.plusSeconds(120), 0.004, 0.4); // the register rolled back to 0
        water(meter, T0.plusSeconds(180), 0.011, 0.4);

        assertThat(sink).filteredOn(s -> s.contains("water-1")).containsExactly(
                "raise water-1 volume-went-back 2026-11-28T02:02:00Z");
    }

    @Test
    void aTrickleOfWaterIsALeakInTheSmallHoursButNotInTheDay() {
        PayloadDecoder meter = new PayloadDecoder("water-1", profiles.get("water-meter-mqtt"));

        trickle(meter, T0, 40); // 10:00 to 10:40 in Shanghai: someone may be filling a kettle, slowly
        assertThat(sink).filteredOn(s -> s.contains("water-1")).isEmpty();

        trickle(meter, Instant.parse("2026-11-28T16:50:00Z"), 50); // 00:50 to 01:40: the schedule opens at 01:00
        assertThat(sink).filteredOn(s -> s.contains("water-1")).containsExactly(
                "raise water-1 night-flow 2026-11-28T17:30:00Z");
    }

    /** Ten litres an hour, below continuous-flow's limit, reported every minute with the clock ticking with it. */
    private void trickle(PayloadDecoder meter, Instant from, int minutes) {
        for (int m = 0; m <= minutes; m++) {
            Instant at = from.plusSeconds(m * 60L);
            water(meter, at, 600 + Duration.between(T0, at).toSeconds() * 0.01 / 3600, 0.01);
            engine.onTick(at);
        }
    }

    private void water(PayloadDecoder meter, Instant at, double totalM3, double flowM3h) {
        String json = String.format(java.util.Locale.ROOT, "{\"total_m3\":%.3f,\"flow_m3h\":%.3f,\"battery_v\":3.6}", totalM3, flowM3h);
        meter.decode(line(json), at).samples().forEach(engine::onSample);
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
