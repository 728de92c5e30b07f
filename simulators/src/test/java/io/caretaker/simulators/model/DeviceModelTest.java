package io.caretaker.simulators.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.caretaker.deviceprofiles.ConfigurationLoader;
import io.caretaker.deviceprofiles.ProfileCatalog;
import io.caretaker.deviceprofiles.canonical.Value;
import io.caretaker.deviceprofiles.site.Site;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Devices played from their profiles' simulate sections, on simulated time. */
class DeviceModelTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** 10:00 in Shanghai, a Monday: office hours. */
    private static final Instant T0 = Instant.parse("2026-11-30T02:00:00Z");
    private final ProfileCatalog profiles = ProfileCatalog.readDirectory(new ConfigurationLoader(), Path.of("../device-profiles/profiles"));

    @Test
    void theSameSeedReplaysTheSameValues() {
        assertThat(run(7)).isEqualTo(run(7));
        assertThat(run(7)).isNotEqualTo(run(8));
    }

    @Test
    void supplyAirFollowsItsSetpointWhileTheFanRunsAndDriftsToTheRoomWhenItFails() {
        DeviceModel ahu = device("ahu-1", "air-handler-basic");
        stepFor(ahu, Duration.ofMinutes(20));
        assertThat(number(ahu, "supply_air_temperature")).isCloseTo(16.0, within(0.8));
        assertThat(ahu.value("fan_status")).isEqualTo(Value.of(true));

        ahu.begin("fan-failure", T0.plus(Duration.ofMinutes(20)));
        stepFor(ahu, Duration.ofMinutes(40));

        assertThat(ahu.value("fan_command")).isEqualTo(Value.of(true));
        assertThat(ahu.value("fan_status")).isEqualTo(Value.of(false));
        assertThat(number(ahu, "supply_air_temperature")).isCloseTo(24.0, within(0.8));
    }

    @Test
    void anOfficeAirHandlerRunsOnWorkingDaysOnlyAsTheSiteCalendarCountsThem() {
        Instant saturday10 = T0.minus(Duration.ofDays(2));
        Instant monday10 = T0;
        LocalDate makeUpSaturday = LocalDate.of(2026, 11, 28);
        Predicate<LocalDate> weekdays = DeviceModel.workingDays(new Site.Calendar(null, null));
        Predicate<LocalDate> withMakeUpDay = day -> day.equals(makeUpSaturday) || weekdays.test(day);

        assertThat(new DeviceModel("ahu-1", null, profiles.get("air-handler-basic"), SHANGHAI, weekdays, 1, saturday10).value("fan_command"))
                .isEqualTo(Value.of(false));
        assertThat(new DeviceModel("ahu-1", null, profiles.get("air-handler-basic"), SHANGHAI, weekdays, 1, monday10).value("fan_command"))
                .isEqualTo(Value.of(true));
        assertThat(new DeviceModel("ahu-1", null, profiles.get("air-handler-basic"), SHANGHAI, withMakeUpDay, 1, saturday10)
                .value("fan_command")).isEqualTo(Value.of(true));
        // a holiday on the site file's calendar is not a working day
        Predicate<LocalDate> mondayOff = DeviceModel.workingDays(new Site.Calendar(null, Set.of(LocalDate.of(2026, 11, 30))));
        assertThat(new DeviceModel("ahu-1", null, profiles.get("air-handler-basic"), SHANGHAI, mondayOff, 1, monday10).value("fan_command"))
                .isEqualTo(Value.of(false));
    }

    @Test
    void energyIntegratesPowerAndACounterResetStartsAgainFromZero() {
        DeviceModel meter = device("meter-1", "energy-meter-sdm630");
        stepFor(meter, Duration.ofHours(1));
        // about 8.9 kW for an hour on top of 1234.5 kWh, give or take the daily wave
        assertThat(number(meter, "import_energy")).isBetween(1234.5 + 5.0, 1234.5 + 13.0);

        meter.begin("counter-reset", T0.plus(Duration.ofHours(1)));
        assertThat(number(meter, "import_energy")).isCloseTo(0.0, within(0.01));
        stepFor(meter, Duration.ofHours(1));
        assertThat(number(meter, "import_energy")).isBetween(5.0, 13.0);
    }

    @Test
    void theClubhouseAirConditionerRunsTwoPercentOfTheTimeBesideOneInUseAndTheStandbyPumpNever() {
        DeviceModel ac = device("ac-clubhouse", "split-air-conditioner-mqtt");
        ac.begin("hardly-used", T0);
        DeviceModel inUse = device("ac-gym", "split-air-conditioner-mqtt");
        DeviceModel pump = device("pump-t-2", "pump-modbus");
        pump.begin("standby", T0);
        int running = 0;
        int inUseRunning = 0;
        int pumpRunning = 0;
        int steps = 6 * 3600;
        for (int i = 1; i <= steps; i++) {
            Instant now = T0.plusSeconds(i);
            ac.step(now);
            inUse.step(now);
            pump.step(now);
            running += ac.value("running").equals(Value.of(true)) ? 1 : 0;
            inUseRunning += inUse.value("running").equals(Value.of(true)) ? 1 : 0;
            pumpRunning += pump.value("running").equals(Value.of(true)) ? 1 : 0;
        }
        assertThat(running / (double) steps).isCloseTo(0.02, within(0.001));
        assertThat(inUseRunning / (double) steps).isCloseTo(0.40, within(0.001));
        assertThat(pumpRunning).isZero();
    }

    @Test
    void aFlatLinedSensorHoldsItsValueAndABehaviourEndsBackInNormal() {
        DeviceModel fcu = device("fcu-t-01", "fan-coil-opcua");
        stepFor(fcu, Duration.ofMinutes(5));
        fcu.begin("sensor-flat", T0.plus(Duration.ofMinutes(5)));
        Value held = fcu.value("room_temperature");
        List<Value> seen = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            fcu.step(T0.plus(Duration.ofMinutes(5)).plusSeconds(5L * i));
            seen.add(fcu.value("room_temperature"));
        }
        assertThat(seen).containsOnly(held);

        fcu.end("sensor-flat", T0.plus(Duration.ofMinutes(10)));
        fcu.step(T0.plus(Duration.ofMinutes(10)).plusSeconds(5));
        fcu.step(T0.plus(Duration.ofMinutes(10)).plusSeconds(10));
        assertThat(fcu.value("room_temperature")).isNotEqualTo(held);
        assertThat(fcu.behaviours()).isEmpty();
    }

    @Test
    void aBehaviourSendsTheMessagesItsProfileGivesAndSilenceSendsNothing() {
        DeviceModel gateway = device("fire-gw-t-1", "fire-panel-contact-id");

        assertThat(gateway.begin("smoke-alarm", T0)).containsExactly(new Outgoing(null, "!LRR:005,1,CID_1111,ff"));
        assertThat(gateway.end("smoke-alarm", T0.plusSeconds(90))).containsExactly(new Outgoing(null, "!LRR:005,1,CID_3111,ff"));

        DeviceModel door = device("door-t-01", "door-controller-mqtt");
        door.begin("SILENT", T0);
        List<Outgoing> sent = new ArrayList<>();
        for (int i = 1; i <= 3600; i++) {
            sent.addAll(door.step(T0.plusSeconds(i)));
        }
        assertThat(sent).isEmpty();
        assertThat(door.silent()).isTrue();
    }

    @Test
    void anUnknownBehaviourIsRefusedNamingTheKnownOnes() {
        DeviceModel door = device("door-t-01", "door-controller-mqtt");

        assertThatThrownBy(() -> door.begin("on-fire", T0))
                .hasMessageContaining("has no behaviour 'on-fire'")
                .hasMessageContaining("forced-open");
    }

    private List<Value> run(long seed) {
        DeviceModel meter = new DeviceModel("meter-1", null, profiles.get("energy-meter-sdm630"), SHANGHAI, seed, T0);
        List<Value> values = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            meter.step(T0.plusSeconds(2L * i));
            values.add(meter.value("voltage_l1"));
        }
        return values;
    }

    private DeviceModel device(String id, String profile) {
        return new DeviceModel(id, null, profiles.get(profile), SHANGHAI, 1, T0);
    }

    private static void stepFor(DeviceModel device, Duration duration) {
        Instant from = lastOf(device);
        for (long s = 5; s <= duration.toSeconds(); s += 5) {
            device.step(from.plusSeconds(s));
        }
        LAST.put(device, from.plus(duration));
    }

    private static final java.util.Map<DeviceModel, Instant> LAST = new java.util.IdentityHashMap<>();

    private static Instant lastOf(DeviceModel device) {
        return LAST.getOrDefault(device, T0);
    }

    private static double number(DeviceModel device, String point) {
        return device.value(point).asDouble().orElseThrow();
    }
}
