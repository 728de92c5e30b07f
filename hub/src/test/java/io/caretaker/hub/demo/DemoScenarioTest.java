package io.caretaker.hub.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.caretaker.connectors.mqtt.DecodedMessage;
import io.caretaker.connectors.mqtt.PayloadDecoder;
import io.caretaker.deviceprofiles.ConfigurationLoader;
import io.caretaker.deviceprofiles.DeviceProfile;
import io.caretaker.deviceprofiles.FaultRule;
import io.caretaker.deviceprofiles.Point;
import io.caretaker.deviceprofiles.ProfileCatalog;
import io.caretaker.deviceprofiles.Protocol;
import io.caretaker.deviceprofiles.canonical.DeviceEvent;
import io.caretaker.deviceprofiles.canonical.PointSample;
import io.caretaker.deviceprofiles.site.InstalledDevice;
import io.caretaker.deviceprofiles.site.Placeholders;
import io.caretaker.deviceprofiles.site.Site;
import io.caretaker.hub.MovableClock;
import io.caretaker.hub.rules.AlarmSink;
import io.caretaker.hub.rules.RuleEngine;
import io.caretaker.simulators.model.DeviceModel;
import io.caretaker.simulators.model.Outgoing;
import io.caretaker.simulators.model.SimulatedTime;
import io.caretaker.simulators.mqtt.MqttState;
import io.caretaker.simulators.scenario.Scenario;
import io.caretaker.simulators.scenario.ScenarioFile;
import io.caretaker.simulators.scenario.ScenarioPlayer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * Replays a scripted hour of the whole demo site (132 devices) at a minute a second through the hub's own rule
 * engine, and asserts exactly which faults are raised and which have cleared by the end of the hour. Simulated time
 * runs on a clock the test moves, so the hour takes seconds and every timestamp is the simulated one. MQTT devices'
 * payloads go through the MQTT connector's own decoder, so what the simulators publish is what the hub reads.
 */
class DemoScenarioTest {

    private static final Set<String> RAISED = Set.of(
            "ahu-2/supply-air-too-hot",
            "water-r-07/continuous-flow",
            "meter-3/voltage-l1-high",
            "fire-panel-t-1/fire-alarm",
            "door-t-03/door-forced-open",
            "cam-t-05/camera-tamper",
            "meter-1/meter-offline",
            "nvr-t-1/disk-nearly-full",
            "fcu-t-01/setpoint-outside-comfort",
            "turnstile-t-2/turnstile-fault",
            "fire-panel-r-1/panel-fault",
            "chiller-1/compressor-short-cycling",  // still raised at the end: its starts leave the hour from 68 min
            "ahu-3/fan-failed",
            "water-t-2/volume-went-back",          // clears a day after the step back
            "fcu-t-02/fan-failed",
            "fire-gw-t-1/fire-alarm",
            "pump-r-1/pump-failed");
    // fire-gw-r-1's zone isolation (15 min) is no fault within the hour: isolation-left-on waits four hours

    private static final Set<String> CLEARED_BY_THE_END = Set.of(
            "ahu-2/supply-air-too-hot",
            "meter-3/voltage-l1-high",
            "fire-panel-t-1/fire-alarm",
            "door-t-03/door-forced-open",
            "cam-t-05/camera-tamper",
            "meter-1/meter-offline",
            "turnstile-t-2/turnstile-fault",
            "ahu-3/fan-failed",
            "fcu-t-02/fan-failed",
            "fire-gw-t-1/fire-alarm",
            "pump-r-1/pump-failed");

    @Test
    void aScriptedHourRaisesExactlyTheScriptedFaults() throws Exception {
        Replay replay = replay(Duration.ofHours(1));

        assertThat(replay.raised.keySet()).containsExactlyInAnyOrderElementsOf(RAISED);
        assertThat(replay.cleared).containsExactlyInAnyOrderElementsOf(CLEARED_BY_THE_END);
        // each fault once: one alarm per device and rule
        assertThat(replay.raises).hasSize(RAISED.size());
        // raised on simulated time, after the fault began and the rule's delay ran
        Instant start = Instant.parse("2026-12-01T02:00:00Z");
        assertThat(replay.raised.get("fire-panel-t-1/fire-alarm")).isBetween(start.plus(Duration.ofMinutes(15)), start.plus(Duration.ofSeconds(15 * 60 + 10)));
        // polled every 5 s: heard last at most 5 s before it fell silent at 30 min, offline 30 s after that
        assertThat(replay.raised.get("meter-1/meter-offline")).isBetween(start.plus(Duration.ofSeconds(30 * 60 + 25)), start.plus(Duration.ofSeconds(30 * 60 + 31)));
        assertThat(replay.raised.get("water-r-07/continuous-flow")).isBetween(start.plus(Duration.ofMinutes(50)), start.plus(Duration.ofMinutes(52)));
        // a fan proves it runs within a minute: ahu-3's stopped at 8 min, its status read every 2 s
        assertThat(replay.raised.get("ahu-3/fan-failed")).isBetween(start.plus(Duration.ofMinutes(9)), start.plus(Duration.ofSeconds(9 * 60 + 5)));
        // the compressor, on until 5 min, cycles four minutes apart from 8m10s (this device's phase of the cycle): the
        // seventh start in the hour is at 32m10s, read every 5 s
        assertThat(replay.raised.get("chiller-1/compressor-short-cycling")).isBetween(start.plus(Duration.ofSeconds(32 * 60 + 10)), start.plus(Duration.ofSeconds(32 * 60 + 15)));
        // the Contact ID smoke alarm is the gateway's line at 35 min, as it is read
        assertThat(replay.raised.get("fire-gw-t-1/fire-alarm")).isBetween(start.plus(Duration.ofMinutes(35)), start.plus(Duration.ofSeconds(35 * 60 + 1)));
        // the pump stood from 40 min, polled every 5 s, and may take 30 s to follow its command
        assertThat(replay.raised.get("pump-r-1/pump-failed")).isBetween(start.plus(Duration.ofSeconds(40 * 60 + 30)), start.plus(Duration.ofSeconds(40 * 60 + 36)));
        // the register rolled back at 9 min and the meter reports once a minute
        assertThat(replay.raised.get("water-t-2/volume-went-back")).isBetween(start.plus(Duration.ofMinutes(9)), start.plus(Duration.ofMinutes(10)));
        // an hour of simulated time in a minute of (test) real time
        assertThat(replay.realElapsed.toMillis()).isEqualTo(Duration.ofMinutes(1).toMillis());
        // every payload the simulators published was readable, and the Contact ID gateway's smoke alarm came as
        // a fire-alarm event and its restore
        assertThat(replay.problems).isEmpty();
        assertThat(replay.events).filteredOn(e -> e.deviceId().equals("fire-gw-t-1") && e.type().equals("fire-alarm"))
                .extracting(e -> e.attributes().get("phase")).containsExactly("new", "end");
    }

    @Test
    void theSameSeedReplaysTheSameAlarmsAtTheSameInstants() throws Exception {
        assertThat(replay(Duration.ofMinutes(30)).raised).isEqualTo(replay(Duration.ofMinutes(30)).raised);
    }

    /** What the rules said during one replay. */
    private record Replay(Map<String, Instant> raised, List<String> raises, Set<String> cleared, Duration realElapsed,
                          List<DeviceEvent> events, List<DecodedMessage.Problem> problems) {
    }

    private static Replay replay(Duration length) throws Exception {
        ConfigurationLoader loader = new ConfigurationLoader();
        ProfileCatalog profiles = ProfileCatalog.readDirectory(loader, Path.of("../device-profiles/profiles"));
        String siteYaml = new ClassPathResource("caretaker/demo/site.yaml").getContentAsString(StandardCharsets.UTF_8);
        Site site = loader.readSite("site.yaml", siteYaml, profiles, text -> Placeholders.resolve(text, name -> null));
        Scenario scenario = ScenarioFile.parse("scripted-hour.yaml",
                new ClassPathResource("caretaker/scripted-hour.yaml").getContentAsString(StandardCharsets.UTF_8));

        MovableClock real = new MovableClock(Instant.parse("2030-01-01T00:00:00Z"));
        SimulatedTime time = new SimulatedTime(scenario.start(), scenario.acceleration(), real);
        Map<String, DeviceModel> devices = new LinkedHashMap<>();
        Map<String, Duration> every = new HashMap<>();
        Map<String, PayloadDecoder> decoders = new HashMap<>();
        for (InstalledDevice device : site.devices()) {
            DeviceProfile profile = profiles.get(device.profile());
            devices.put(device.id(), new DeviceModel(device.id(), null, profile, site.timeZone(), scenario.seed(), time.instant()));
            // how often the hub hears from it: its poll interval on Modbus, its profile's pace otherwise
            every.put(device.id(), device.connection().pollInterval() != null ? device.connection().pollInterval() : profile.simulate().every());
            if (device.connection().protocol() == Protocol.MQTT) {
                decoders.put(device.id(), new PayloadDecoder(device.id(), profile));
            }
        }
        ScenarioPlayer player = new ScenarioPlayer(scenario, time.instant(), devices);
        Recorder alarms = new Recorder();
        RuleEngine rules = new RuleEngine(site, profiles, alarms, time);

        Duration realStep = Duration.ofNanos(Math.round(1e9 / scenario.acceleration()));
        Instant realStart = real.instant();
        Instant end = time.instant().plus(length);
        Map<String, Instant> lastHeard = new HashMap<>();
        List<DeviceEvent> events = new ArrayList<>();
        List<DecodedMessage.Problem> problems = new ArrayList<>();
        while (time.instant().isBefore(end)) {
            real.advance(realStep);
            Instant now = time.instant();
            player.playUntil(now, (device, messages) -> messages.forEach(m ->
                    hear(decoders.get(device.deviceId()), m.text(), now, rules, events, problems)));
            for (DeviceModel device : devices.values()) {
                List<Outgoing> messages = device.step(now);
                PayloadDecoder decoder = decoders.get(device.deviceId());
                messages.forEach(m -> hear(decoder, m.text(), now, rules, events, problems));
                Instant last = lastHeard.get(device.deviceId());
                if (device.silent() || (last != null && Duration.between(last, now).compareTo(every.get(device.deviceId())) < 0)) {
                    continue;
                }
                lastHeard.put(device.deviceId(), now);
                if (decoder != null) {
                    String state = MqttState.of(device);
                    if (state != null) {
                        hear(decoder, state, now, rules, events, problems);
                    }
                    continue;
                }
                for (Point point : device.profile().points()) {
                    if (device.profile().simulate().points().containsKey(point.id())) {
                        PointSample sample = point.sample(device.deviceId(), now, now, device.value(point.id()));
                        rules.onSample(sample);
                    }
                }
            }
            rules.onTick(now);
        }
        return new Replay(alarms.raised, alarms.raises, alarms.cleared, Duration.between(realStart, real.instant()), events, problems);
    }

    /** A payload as the hub's MQTT connector reads it: its samples and events to the rules, events and problems kept. */
    private static void hear(PayloadDecoder decoder, String payload, Instant now, RuleEngine rules,
                             List<DeviceEvent> events, List<DecodedMessage.Problem> problems) {
        DecodedMessage message = decoder.decode(payload.getBytes(StandardCharsets.UTF_8), now);
        message.samples().forEach(rules::onSample);
        message.events().forEach(rules::onEvent);
        events.addAll(message.events());
        problems.addAll(message.problems());
    }

    /** The rule engine's verdicts, kept in memory. */
    private static final class Recorder implements AlarmSink {

        final Map<String, Instant> raised = new LinkedHashMap<>();
        final List<String> raises = new ArrayList<>();
        final Set<String> cleared = new TreeSet<>();

        @Override
        public void raise(String deviceId, FaultRule rule, Instant at) {
            raised.putIfAbsent(deviceId + "/" + rule.id(), at);
            raises.add(deviceId + "/" + rule.id());
        }

        @Override
        public void clear(String deviceId, String ruleId, Instant at) {
            cleared.add(deviceId + "/" + ruleId);
        }

        @Override
        public void suppress(String deviceId, String ruleId, String reason, Instant at) {
        }

        @Override
        public void unsuppress(String deviceId, String ruleId, Instant at) {
        }

        @Override
        public List<ActiveRule> active() {
            return List.of();
        }
    }
}
