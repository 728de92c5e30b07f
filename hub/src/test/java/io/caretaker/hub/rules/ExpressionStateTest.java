package io.caretaker.hub.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.caretaker.deviceprofiles.FaultRule;
import io.caretaker.deviceprofiles.Severity;
import io.caretaker.deviceprofiles.canonical.PointSample;
import io.caretaker.deviceprofiles.canonical.Quality;
import io.caretaker.deviceprofiles.canonical.Value;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpressionStateTest {

    private static final Instant T0 = Instant.parse("2026-11-28T02:00:00Z");

    private final FaultRule.Expression offSetpoint = new FaultRule.Expression("supply-air-off-setpoint",
            "fan_status and #abs(supply_air_temperature - supply_air_setpoint) > sensor_error + tolerance", null, null, Map.of("sensor_error", 0.5, "tolerance", 1.5), Duration.ofMinutes(5),
            new FaultRule.Expression.Clear(null, Duration.ofMinutes(2)), Severity.IMPORTANT, "off setpoint");

    @Test
    void raisesOnlyAfterTheConditionOverSeveralPointsHeldForItsDelay() {
        ExpressionState state = new ExpressionState("ahu-1", offSetpoint);

        assertThat(row(state, 0, true, 16, 13)).isNull();
        assertThat(row(state, 4, true, 16, 13)).isNull();
        assertThat(state.onTick(at(299))).isNull();
        assertThat(state.onTick(at(300))).isEqualTo(RuleEngine.Transition.raise(at(300)));
        assertThat(row(state, 6, true, 16, 13)).isNull(); // raised once
    }

    @Test
    void anyPointLeavingTheConditionRestartsTheDelay() {
        ExpressionState state = new ExpressionState("ahu-1", offSetpoint);
        row(state, 0, true, 16, 13);

        row(state, 2, false, 16, 13); // fan off: no fault
        row(state, 3, true, 16, 13);

        assertThat(state.onTick(at(300))).isNull();
        assertThat(state.onTick(at(480))).isEqualTo(RuleEngine.Transition.raise(at(480)));
    }

    @Test
    void aRowIsWeighedWholeNotHalfUpdated() {
        FaultRule.Expression immediate = new FaultRule.Expression("x", "supply_air_temperature > supply_air_setpoint + 2", null, null,
                Map.of(), Duration.ZERO, null, Severity.MINOR, "x");
        ExpressionState state = new ExpressionState("ahu-1", immediate);
        state.onSample(number("supply_air_temperature", 0, 12));
        state.onSample(number("supply_air_setpoint", 0, 12));
        state.onTick(at(0));

        // the temperature rises before the setpoint in the same row: together they are no fault
        assertThat(state.onSample(number("supply_air_temperature", 60, 20))).isNull();
        assertThat(state.onSample(number("supply_air_setpoint", 60, 19))).isNull();
        assertThat(state.onTick(at(60))).isNull();
        // the next row shows the fault, and is weighed when the row after it begins
        state.onSample(number("supply_air_temperature", 120, 25));
        state.onSample(number("supply_air_setpoint", 120, 19));
        assertThat(state.onSample(number("supply_air_temperature", 180, 25))).isEqualTo(RuleEngine.Transition.raise(at(120)));
    }

    @Test
    void clearsWhenTheConditionHasStoppedForTheClearDelay() {
        ExpressionState state = new ExpressionState("ahu-1", offSetpoint);
        row(state, 0, true, 16, 13);
        state.onTick(at(300));

        row(state, 6, true, 14, 13);
        assertThat(state.onTick(at(360 + 119))).isNull();
        assertThat(state.onTick(at(480))).isEqualTo(RuleEngine.Transition.clear(at(480)));
    }

    @Test
    void anExplicitClearConditionGivesHysteresis() {
        FaultRule.Expression hot = new FaultRule.Expression("too-hot", "supply_air_temperature > supply_air_setpoint + band", null, null,
                Map.of("band", 3.0), Duration.ZERO,
                new FaultRule.Expression.Clear("supply_air_temperature < supply_air_setpoint + 1", Duration.ZERO),
                Severity.MINOR, "hot");
        ExpressionState state = new ExpressionState("ahu-1", hot);
        state.onSample(number("supply_air_setpoint", 0, 13));
        state.onSample(number("supply_air_temperature", 0, 17));
        assertThat(state.onTick(at(0))).isEqualTo(RuleEngine.Transition.raise(at(0)));

        state.onSample(number("supply_air_temperature", 60, 15)); // below the raise limit, not below the clear limit
        assertThat(state.onTick(at(60))).isNull();
        state.onSample(number("supply_air_temperature", 120, 13.5));
        assertThat(state.onTick(at(120))).isEqualTo(RuleEngine.Transition.clear(at(120)));
    }

    @Test
    void aPointWithoutAUsableValueNeitherRaisesNorClears() {
        ExpressionState state = new ExpressionState("ahu-1", offSetpoint);
        state.onSample(number("supply_air_temperature", 0, 16));
        state.onSample(number("supply_air_setpoint", 0, 13));
        assertThat(state.onTick(at(600))).isNull(); // fan status never heard: unknown, not a fault

        state.onSample(PointSample.good("ahu-1", "fan_status", at(600), Value.of(true)));
        state.onSample(new PointSample("ahu-1", "supply_air_temperature", at(600), at(600), Value.absent(), Quality.BAD));
        assertThat(state.onTick(at(1200))).isNull();
    }

    @Test
    void aLostConnectionForgetsAHalfRunDelay() {
        ExpressionState state = new ExpressionState("ahu-1", offSetpoint);
        row(state, 0, true, 16, 13);

        state.onSample(PointSample.commLoss("ahu-1", "supply_air_temperature", at(120)));
        state.onSample(number("supply_air_temperature", 180, 16));

        assertThat(state.onTick(at(300))).isNull();
        assertThat(state.onTick(at(480))).isEqualTo(RuleEngine.Transition.raise(at(480)));
    }

    @Test
    void parametersSetForOneDeviceChangeItsVerdict() {
        ExpressionState strict = new ExpressionState("ahu-1", offSetpoint);
        ExpressionState lenient = new ExpressionState("ahu-2", offSetpoint.withParameters(Map.of("tolerance", 5.0)));

        row(strict, 0, true, 16, 13);
        row(lenient, 0, true, 16, 13);

        assertThat(strict.onTick(at(300))).isNotNull();
        assertThat(lenient.onTick(at(300))).isNull();
    }

    @Test
    void whileItsTestCannotBeMadeARuleNeitherRaisesNorClearsNorForgets() {
        FaultRule.Expression leak = new FaultRule.Expression("cooling-valve-leaking", "supply_air_temperature < mixed_air_temperature - 1",
                "cooling_valve <= 1", null, Map.of(), Duration.ofMinutes(15), new FaultRule.Expression.Clear(null, Duration.ofMinutes(15)),
                Severity.IMPORTANT, "leak");
        ExpressionState state = new ExpressionState("ahu-1", leak);

        for (int minute = 0; minute <= 10; minute++) {
            leakRow(state, minute, 0, 12, 15); // valve closed, air cooled: a leak seen for 10 minutes
        }
        leakRow(state, 11, 60, 12, 15); // valve open: the test cannot be made; the 11 minutes are kept, not added to
        assertThat(state.onTick(at(40 * 60))).isNull();
        for (int minute = 41; minute < 45; minute++) {
            assertThat(leakRow(state, minute, 0, 12, 15)).as("minute %d", minute).isNull();
        }
        assertThat(leakRow(state, 45, 0, 12, 15)).isEqualTo(RuleEngine.Transition.raise(at(45 * 60))); // 11 + 4 minutes seen
        assertThat(leakRow(state, 50, 80, 30, 15)).isNull(); // valve open, warm air: not evidence the leak is gone
        assertThat(leakRow(state, 60, 80, 30, 15)).isNull();
        leakRow(state, 70, 0, 15, 15); // closed and no cooling: gone, once that is seen for 15 minutes
        assertThat(leakRow(state, 84, 0, 15, 15)).isNull();
        assertThat(leakRow(state, 85, 0, 15, 15)).isEqualTo(RuleEngine.Transition.clear(at(85 * 60)));
    }

    @Test
    void aDelayCountsOnlyTheTimeItsConditionWasSeen() {
        FaultRule.Expression leak = new FaultRule.Expression("heating-valve-leaking", "supply_air_temperature > mixed_air_temperature + 1",
                "cooling_valve <= 1", null, Map.of(), Duration.ofMinutes(15), new FaultRule.Expression.Clear(null, Duration.ofMinutes(15)),
                Severity.IMPORTANT, "leak");
        ExpressionState state = new ExpressionState("ahu-1", leak);

        leakRow(state, 0, 0, 18, 15); // one row of warm air as the dampers swing, then cooling starts
        leakRow(state, 1, 30, 18, 15);
        assertThat(state.onTick(at(15 * 60))).isNull(); // fifteen minutes on, but nothing seen since the first row
        assertThat(state.onTick(at(40 * 60))).isNull();
        leakRow(state, 41, 0, 18, 15); // a second blip is no more evidence than the first: a minute each
        leakRow(state, 42, 30, 18, 15);
        assertThat(state.onTick(at(60 * 60))).isNull();
        for (int minute = 61; minute < 74; minute++) {
            assertThat(leakRow(state, minute, 0, 18, 15)).as("minute %d", minute).isNull();
        }
        assertThat(leakRow(state, 74, 0, 18, 15)).isEqualTo(RuleEngine.Transition.raise(at(74 * 60))); // 1 + 1 + 13 minutes seen

        leakRow(state, 80, 0, 15, 15); // no heating: the clear delay starts
        leakRow(state, 81, 30, 15, 15);
        assertThat(state.onTick(at(100 * 60))).isNull(); // and does not end while the test cannot be made
        leakRow(state, 101, 0, 15, 15);
        assertThat(leakRow(state, 114, 0, 15, 15)).isNull(); // 1 + 13 minutes seen
        assertThat(leakRow(state, 115, 0, 15, 15)).isEqualTo(RuleEngine.Transition.clear(at(115 * 60)));
    }

    @Test
    void aCoilStillColdFromTheAirItHadIsNoLeak() {
        // the supply air may be as cold as the coldest entering air of the coil's memory, which grows as airflow falls
        FaultRule.Expression leak = new FaultRule.Expression("cooling-valve-leaking",
                "supply_air_temperature < #lowest('mixed_air_temperature', memory * 100 / fan_speed) - 1",
                null, null, Map.of("memory", 15.0), Duration.ofMinutes(15), new FaultRule.Expression.Clear(null, Duration.ofMinutes(15)),
                Severity.IMPORTANT, "leak");
        ExpressionState state = new ExpressionState("ahu-1", leak);

        for (int minute = 0; minute <= 200; minute++) { // at 10% airflow the mixed air warms from 16 to 24 °C in 64 minutes
            double mixed = Math.min(24, 16 + minute / 8.0);
            double supply = 16 + (mixed - 16) * Math.min(1, minute / 128.0); // and the supply air follows, slowly
            assertThat(coilRow(state, minute, 10, supply, mixed)).as("minute %d", minute).isNull();
        }
        // then 3.5 °C colder than the mixed air, and colder than anything the coil had in its 150 minutes: a leak
        for (int minute = 201; minute < 216; minute++) {
            assertThat(coilRow(state, minute, 10, 20.5, 24)).as("minute %d", minute).isNull();
        }
        assertThat(coilRow(state, 216, 10, 20.5, 24)).isEqualTo(RuleEngine.Transition.raise(at(216 * 60)));
    }

    @Test
    void aLookBackWithoutEndIsADay() {
        FaultRule.Expression leak = new FaultRule.Expression("cooling-valve-leaking",
                "supply_air_temperature < #lowest('mixed_air_temperature', memory * 100 / fan_speed) - 1",
                null, null, Map.of("memory", 15.0), Duration.ZERO, null, Severity.IMPORTANT, "leak");
        ExpressionState state = new ExpressionState("ahu-1", leak);

        coilRow(state, 0, 0, 12, 12); // fan speed 0: the memory would be endless
        for (int hour = 1; hour <= 24; hour++) {
            assertThat(coilRow(state, hour * 60, 0, 12, 16)).as("hour %d", hour).isNull(); // 12 °C entered within the day
        }
        assertThat(coilRow(state, 24 * 60 + 1, 0, 12, 16)).isEqualTo(RuleEngine.Transition.raise(at((24 * 60 + 1) * 60)));
    }

    @Test
    void aTestIsMadeOnlyOnceItsStateHasSettled() {
        FaultRule.Expression leak = new FaultRule.Expression("cooling-valve-leaking", "supply_air_temperature < mixed_air_temperature - 1",
                "cooling_valve <= 1", Duration.ofMinutes(15), Map.of(), Duration.ofMinutes(10),
                new FaultRule.Expression.Clear(null, Duration.ofMinutes(10)), Severity.IMPORTANT, "leak");
        ExpressionState state = new ExpressionState("ahu-1", leak);

        leakRow(state, 0, 60, 12, 15); // cooling
        leakRow(state, 1, 0, 12, 15); // just closed: the coil is still cold, the test waits 15 minutes
        assertThat(leakRow(state, 11, 0, 12, 15)).isNull(); // would have raised after 10 minutes without settling
        assertThat(leakRow(state, 16, 0, 12, 15)).isNull(); // settled at 16: the 10-minute delay starts now
        assertThat(leakRow(state, 25, 0, 12, 15)).isNull();
        assertThat(leakRow(state, 26, 0, 12, 15)).isEqualTo(RuleEngine.Transition.raise(at(26 * 60)));

        leakRow(state, 30, 60, 12, 15); // opened: the settle time starts again at the next closing
        leakRow(state, 31, 0, 15, 15); // closed, no cooling any more, but not settled yet
        assertThat(leakRow(state, 45, 0, 15, 15)).isNull(); // settled at 46
        leakRow(state, 46, 0, 15, 15);
        assertThat(leakRow(state, 55, 0, 15, 15)).isNull();
        assertThat(leakRow(state, 56, 0, 15, 15)).isEqualTo(RuleEngine.Transition.clear(at(56 * 60)));
    }

    private static RuleEngine.Transition coilRow(ExpressionState state, int minute, double fanSpeed, double sat, double mat) {
        state.onSample(number("fan_speed", minute * 60L, fanSpeed));
        state.onSample(number("supply_air_temperature", minute * 60L, sat));
        state.onSample(number("mixed_air_temperature", minute * 60L, mat));
        return state.onTick(at(minute * 60L));
    }

    private static RuleEngine.Transition leakRow(ExpressionState state, int minute, double valve, double sat, double mat) {
        state.onSample(number("cooling_valve", minute * 60L, valve));
        state.onSample(number("supply_air_temperature", minute * 60L, sat));
        state.onSample(number("mixed_air_temperature", minute * 60L, mat));
        return state.onTick(at(minute * 60L));
    }

    private static RuleEngine.Transition row(ExpressionState state, int minute, boolean fan, double sat, double setpoint) {
        Instant t = at(minute * 60L);
        state.onSample(PointSample.good("ahu-1", "fan_status", t, Value.of(fan)));
        state.onSample(number("supply_air_temperature", minute * 60L, sat));
        state.onSample(number("supply_air_setpoint", minute * 60L, setpoint));
        return state.onTick(t);
    }

    private static PointSample number(String point, long second, double value) {
        return PointSample.good("ahu-1", point, at(second), Value.of(value));
    }

    private static Instant at(long second) {
        return T0.plusSeconds(second);
    }
}
