package io.caretaker.hub.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caretaker.deviceprofiles.ConfigurationLoader;
import io.caretaker.deviceprofiles.FaultRule;
import io.caretaker.deviceprofiles.ProfileCatalog;
import io.caretaker.deviceprofiles.canonical.DeviceEvent;
import io.caretaker.deviceprofiles.canonical.PointSample;
import io.caretaker.deviceprofiles.canonical.Value;
import io.caretaker.deviceprofiles.site.InstalledDevice;
import io.caretaker.deviceprofiles.site.Site;
import io.caretaker.hub.calendar.CalendarFile;
import io.caretaker.hub.calendar.WorkingCalendar;
import io.caretaker.hub.workorders.SlaTarget;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** The engine's schedules and suppression by design, on a controllable clock (event time). */
class RuleEngineTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    // Friday 2026-11-27 and Saturday 2026-11-28, Shanghai time; 2026-11-26 is declared a holiday
    private static final Instant FRIDAY_NOON = Instant.parse("2026-11-27T04:00:00Z");

    private static final String AHU = """
            formatVersion: 1
            id: test-ahu
            name: Test air handler
            family: hvac
            points:
              - {id: supply_air_temperature, kind: number, bindings: {mqtt: {path: /sat}}}
              - {id: fan_status, kind: boolean, bindings: {mqtt: {path: /fan}}}
            mqtt:
              topics: ["ahu/{id}"]
              events:
                - type: fire-alarm
                  phase: {path: /q, map: {"1": new, "3": end}}
                  id: [/zone]
            rules:
              - id: supply-air-too-hot
                type: threshold
                point: supply_air_temperature
                above: 30
                suppressWhen: {point: fan_status, is: false, settle: 10m}
                severity: MAJOR
              - id: too-hot-in-office-hours
                type: threshold
                point: supply_air_temperature
                above: 26
                schedule: {days: working, from: "08:00", to: "18:00"}
                severity: MINOR
              - id: duct-fire
                type: event
                event: fire-alarm
                severity: LIFE_SAFETY
              - id: not-reporting
                type: no-data
                after: 5m
                severity: IMPORTANT
            """;

    private static final String WATER_METER = """
            formatVersion: 1
            id: test-water-meter
            name: Test water meter
            family: meter
            points:
              - {id: volume, unit: m3, kind: number, bindings: {mqtt: {path: /v}}}
            rules:
              - id: night-flow
                type: rate-of-change
                point: volume
                rise: 0.05
                window: 1h
                schedule: {from: "01:00", to: "05:00"}
                severity: IMPORTANT
            """;

    private final List<String> sink = new ArrayList<>();

    @Test
    void aRuleOnWorkingDaysInOfficeHoursIsSilentAtNightAndOnHolidays() {
        RuleEngine engine = engine(FRIDAY_NOON, List.of());

        engine.onSample(temperature(Instant.parse("2026-11-26T04:00:00Z"), 28)); // Thursday noon, a holiday
        engine.onSample(temperature(Instant.parse("2026-11-27T11:00:00Z"), 28)); // Friday 19:00
        engine.onSample(temperature(Instant.parse("2026-11-28T04:00:00Z"), 28)); // Saturday noon
        assertThat(sink).isEmpty();

        engine.onSample(temperature(Instant.parse("2026-11-30T01:00:00Z"), 28)); // Monday 09:00
        assertThat(sink).containsExactly("raise ahu-1 too-hot-in-office-hours 2026-11-30T01:00:00Z");
    }

    @Test
    void aWorkingDaysRuleFollowsTheCalendarFileAsSlaDueTimesDo() throws Exception {
        // the site file knows only the weekend; National Day and its make-up days come from the shipped calendar file
        Site site = new Site("test", "Test", SHANGHAI, new Site.Calendar(null, null), List.of(
                new InstalledDevice("ahu-1", "test-ahu", null, "Tower A", null, null, null)));
        WorkingCalendar calendar = WorkingCalendar.of(site).with(CalendarFile.read("china-2026.yaml",
                new ClassPathResource("caretaker/calendars/china-2026.yaml").getContentAsString(StandardCharsets.UTF_8)));
        RuleEngine engine = new RuleEngine(site, profiles(), new RecordingSink(sink, List.of()),
                Clock.fixed(shanghai("2026-09-19T00:00"), ZoneOffset.UTC), calendar);

        engine.onSample(temperature(shanghai("2026-09-19T10:00"), 28)); // Saturday: an ordinary weekend day
        engine.onSample(temperature(shanghai("2026-10-01T10:00"), 28)); // Thursday, National Day
        engine.onSample(temperature(shanghai("2026-10-09T19:00"), 28)); // Friday after the holiday, after hours
        engine.onSample(temperature(shanghai("2026-10-10T10:00"), 28)); // Saturday, worked for National Day (调休)

        assertThat(sink).containsExactly("raise ahu-1 too-hot-in-office-hours " + shanghai("2026-10-10T10:00"));
        // the very calendar that puts a MAJOR fault of Wednesday 30 September (3 working days) due on that Saturday
        assertThat(SlaTarget.parse("3wd").dueFrom(shanghai("2026-09-30T16:00"), calendar)).isEqualTo(shanghai("2026-10-10T16:00"));
    }

    @Test
    void nightTimeWaterFlowIsALeakOnlyAtNightInTheSitesTimeZone() {
        RuleEngine engine = engine(FRIDAY_NOON, List.of());
        // a busy afternoon: 1 m3 an hour is normal use
        engine.onSample(volume("2026-11-27T06:00:00Z", 100.0)); // 14:00 Shanghai
        engine.onSample(volume("2026-11-27T07:00:00Z", 101.0));
        // the night: 01:00 to 05:00 Shanghai is 17:00 to 21:00 UTC
        engine.onSample(volume("2026-11-27T17:00:00Z", 105.0));
        engine.onSample(volume("2026-11-27T17:30:00Z", 105.02));
        assertThat(sink).isEmpty();
        engine.onSample(volume("2026-11-27T18:00:00Z", 105.08));
        assertThat(sink).containsExactly("raise meter-1 night-flow 2026-11-27T18:00:00Z");
    }

    @Test
    void aLostDeviceSuppressesItsPointRulesButNotItsNoDataOrEventRules() {
        RuleEngine engine = engine(FRIDAY_NOON, List.of());
        engine.onTick(FRIDAY_NOON);   // no-data times count from the first tick

        engine.onSample(PointSample.commLoss("ahu-1", "supply_air_temperature", FRIDAY_NOON.plusSeconds(10)));
        assertThat(sink).containsExactlyInAnyOrder(
                "suppress ahu-1 supply-air-too-hot " + RuleEngine.DEVICE_LOST,
                "suppress ahu-1 too-hot-in-office-hours " + RuleEngine.DEVICE_LOST);

        sink.clear();
        engine.onSample(PointSample.commLoss("ahu-1", "fan_status", FRIDAY_NOON.plusSeconds(10)));
        engine.onEvent(new DeviceEvent("ahu-1", "fire-alarm", FRIDAY_NOON.plusSeconds(20), Map.of("phase", "new", "eventId", "1")));
        engine.onTick(FRIDAY_NOON.plusSeconds(300));
        assertThat(sink).containsExactly( // told once; the fire alarm and the no-data alarm still sound
                "raise ahu-1 duct-fire 2026-11-27T04:00:20Z",
                "raise ahu-1 not-reporting 2026-11-27T04:05:00Z");

        sink.clear();
        engine.onSample(temperature(FRIDAY_NOON.plusSeconds(400), 24));
        assertThat(sink).containsExactlyInAnyOrder(
                "clear ahu-1 not-reporting 2026-11-27T04:06:40Z",
                "unsuppress ahu-1 supply-air-too-hot",
                "unsuppress ahu-1 too-hot-in-office-hours");
    }

    @Test
    void aDeviceThatWentQuietSuppressesItsPointRulesUntilItIsHeardAgain() {
        RuleEngine engine = engine(FRIDAY_NOON, List.of());
        engine.onTick(FRIDAY_NOON);   // no-data times count from the first tick

        engine.onTick(FRIDAY_NOON.plusSeconds(300));

        assertThat(sink).containsExactly(
                "raise ahu-1 not-reporting 2026-11-27T04:05:00Z",
                "suppress ahu-1 supply-air-too-hot " + RuleEngine.DEVICE_SILENT,
                "suppress ahu-1 too-hot-in-office-hours " + RuleEngine.DEVICE_SILENT);
    }

    @Test
    void fanOffSuppressesTheSupplyAirAlarmUntilTheFanHasRunForItsSettleTime() {
        RuleEngine engine = engine(FRIDAY_NOON, List.of());
        engine.onSample(fan(FRIDAY_NOON, true));
        assertThat(sink).isEmpty();

        engine.onSample(fan(FRIDAY_NOON.plusSeconds(60), false));
        engine.onSample(temperature(FRIDAY_NOON.plusSeconds(120), 35)); // no air moving: a hot coil reads hot
        assertThat(sink).containsExactly(
                "suppress ahu-1 supply-air-too-hot plant off: fan_status is false",
                "raise ahu-1 supply-air-too-hot 2026-11-27T04:02:00Z",
                "raise ahu-1 too-hot-in-office-hours 2026-11-27T04:02:00Z"); // not plant-suppressed: it says no suppressWhen

        sink.clear();
        engine.onSample(fan(FRIDAY_NOON.plusSeconds(180), true));
        engine.onSample(fan(FRIDAY_NOON.plusSeconds(480), true));
        engine.onSample(fan(FRIDAY_NOON.plusSeconds(770), true));
        engine.onTick(FRIDAY_NOON.plusSeconds(180 + 599));
        assertThat(sink).isEmpty(); // settling
        engine.onTick(FRIDAY_NOON.plusSeconds(180 + 600));
        assertThat(sink).containsExactly("unsuppress ahu-1 supply-air-too-hot");
    }

    @Test
    void aRestartedEngineLiftsASuppressionItFindsInTheStore() {
        RuleEngine engine = engine(FRIDAY_NOON, List.of(new AlarmSink.ActiveRule("ahu-1", "supply-air-too-hot")));

        engine.onSample(fan(FRIDAY_NOON.plusSeconds(5), true));

        assertThat(sink).containsExactly("unsuppress ahu-1 supply-air-too-hot");
    }

    @Test
    void aDeviceRunsItsRulesWithTheSiteFilesOverrides() {
        RuleEngine engine = engine(FRIDAY_NOON, List.of(), Map.of("supply-air-too-hot", Map.of("above", 40)));

        engine.onSample(fan(FRIDAY_NOON, true));
        engine.onSample(temperature(FRIDAY_NOON.plusSeconds(1), 35));
        engine.onSample(PointSample.good("ahu-2", "supply_air_temperature", FRIDAY_NOON.plusSeconds(1), Value.of(35)));

        assertThat(sink).containsExactly(
                "raise ahu-1 too-hot-in-office-hours 2026-11-27T04:00:01Z", // 35 is not above ahu-1's own 40
                "raise ahu-2 supply-air-too-hot 2026-11-27T04:00:01Z",
                "raise ahu-2 too-hot-in-office-hours 2026-11-27T04:00:01Z");
    }

    @Test
    void aRaiseTheSinkFailedToKeepIsRaisedAgainByTheNextSample() {
        RecordingSink recording = new RecordingSink(sink, List.of());
        AtomicBoolean storeFails = new AtomicBoolean(true);
        AlarmSink failingOnce = new AlarmSink() {
            @Override
            public void raise(String deviceId, FaultRule rule, Instant at) {
                if (storeFails.getAndSet(false)) {
                    throw new IllegalStateException("database unreachable");
                }
                recording.raise(deviceId, rule, at);
            }

            @Override
            public void clear(String deviceId, String ruleId, Instant at) {
                recording.clear(deviceId, ruleId, at);
            }

            @Override
            public void suppress(String deviceId, String ruleId, String reason, Instant at) {
                recording.suppress(deviceId, ruleId, reason, at);
            }

            @Override
            public void unsuppress(String deviceId, String ruleId, Instant at) {
                recording.unsuppress(deviceId, ruleId, at);
            }

            @Override
            public List<ActiveRule> active() {
                return List.of();
            }
        };
        Instant saturday = Instant.parse("2026-11-28T04:00:00Z"); // outside the office-hours rule's schedule
        RuleEngine engine = engine(saturday, failingOnce, Map.of());

        assertThatThrownBy(() -> engine.onSample(temperature(saturday, 35))).hasMessageContaining("database unreachable");
        assertThat(sink).isEmpty();

        engine.onSample(temperature(saturday.plusSeconds(1), 35));
        assertThat(sink).containsExactly("raise ahu-1 supply-air-too-hot 2026-11-28T04:00:01Z");
    }

    private RuleEngine engine(Instant start, List<AlarmSink.ActiveRule> suppressedInStore) {
        return engine(start, suppressedInStore, Map.of());
    }

    private RuleEngine engine(Instant start, List<AlarmSink.ActiveRule> suppressedInStore, Map<String, Map<String, Object>> ahu1Overrides) {
        return engine(start, new RecordingSink(sink, suppressedInStore), ahu1Overrides);
    }

    private RuleEngine engine(Instant start, AlarmSink alarms, Map<String, Map<String, Object>> ahu1Overrides) {
        ProfileCatalog profiles = profiles();
        List<InstalledDevice> devices = new ArrayList<>(List.of(
                new InstalledDevice("ahu-1", "test-ahu", null, "Tower A", null, null, null, ahu1Overrides),
                new InstalledDevice("meter-1", "test-water-meter", null, "Tower A", null, null, null)));
        if (!ahu1Overrides.isEmpty()) {
            devices.add(new InstalledDevice("ahu-2", "test-ahu", null, "Tower A", null, null, null));
        }
        Site site = new Site("test", "Test", SHANGHAI, new Site.Calendar(null, Set.of(LocalDate.parse("2026-11-26"))), devices);
        return new RuleEngine(site, profiles, alarms, Clock.fixed(start, ZoneOffset.UTC));
    }

    private static ProfileCatalog profiles() {
        ConfigurationLoader loader = new ConfigurationLoader();
        return ProfileCatalog.of(List.of(loader.readProfile("test-ahu.yaml", AHU), loader.readProfile("test-water-meter.yaml", WATER_METER)));
    }

    private static Instant shanghai(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }

    private static PointSample temperature(Instant at, double celsius) {
        return PointSample.good("ahu-1", "supply_air_temperature", at, Value.of(celsius));
    }

    private static PointSample fan(Instant at, boolean running) {
        return PointSample.good("ahu-1", "fan_status", at, Value.of(running));
    }

    private static PointSample volume(String at, double m3) {
        return PointSample.good("meter-1", "volume", Instant.parse(at), Value.of(m3));
    }

    /** Writes down what the engine tells its sink, in order. */
    record RecordingSink(List<String> calls, List<ActiveRule> suppressed) implements AlarmSink {

        @Override
        public void raise(String deviceId, FaultRule rule, Instant at) {
            calls.add("raise " + deviceId + " " + rule.id() + " " + at);
        }

        @Override
        public void clear(String deviceId, String ruleId, Instant at) {
            calls.add("clear " + deviceId + " " + ruleId + " " + at);
        }

        @Override
        public void suppress(String deviceId, String ruleId, String reason, Instant at) {
            calls.add("suppress " + deviceId + " " + ruleId + " " + reason);
        }

        @Override
        public void unsuppress(String deviceId, String ruleId, Instant at) {
            calls.add("unsuppress " + deviceId + " " + ruleId);
        }

        @Override
        public List<ActiveRule> active() {
            return List.of();
        }
    }
}
