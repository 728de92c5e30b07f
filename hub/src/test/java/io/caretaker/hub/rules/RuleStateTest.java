package io.caretaker.hub.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.caretaker.deviceprofiles.FaultRule;
import io.caretaker.deviceprofiles.Severity;
import io.caretaker.deviceprofiles.canonical.PointSample;
import io.caretaker.deviceprofiles.canonical.Quality;
import io.caretaker.deviceprofiles.canonical.Value;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RuleStateTest {

    private static final Instant T0 = Instant.parse("2026-11-28T02:00:00Z");
    private final FaultRule.Threshold tooHot = new FaultRule.Threshold("supply-air-too-hot", "supply_air_temperature", 30.0, null,
            Duration.ofSeconds(15), new FaultRule.Threshold.Clear(null, 27.0, Duration.ofSeconds(10)), Severity.MAJOR, "hot");

    @Test
    void aThresholdRaisesOnlyAfterItsConditionHeldForItsDelay() {
        ThresholdState state = new ThresholdState("ahu-1", tooHot);

        assertThat(state.onSample(temperature(0, 35))).isNull();
        assertThat(state.onSample(temperature(14, 35))).isNull();
        assertThat(state.onSample(temperature(15, 35))).isEqualTo(RuleEngine.Transition.raise(T0.plusSeconds(15)));
        assertThat(state.onSample(temperature(16, 35))).isNull(); // raised once
    }

    @Test
    void aDipBelowTheLimitRestartsTheDelay() {
        ThresholdState state = new ThresholdState("ahu-1", tooHot);

        state.onSample(temperature(0, 35));
        state.onSample(temperature(10, 29));
        assertThat(state.onSample(temperature(20, 35))).isNull();
        assertThat(state.onTick(T0.plusSeconds(34))).isNull();
        assertThat(state.onTick(T0.plusSeconds(35))).isEqualTo(RuleEngine.Transition.raise(T0.plusSeconds(35)));
    }

    @Test
    void itClearsOnlyPastTheClearLimitForTheClearDelay() {
        ThresholdState state = new ThresholdState("ahu-1", tooHot);
        state.onSample(temperature(0, 35));
        state.onSample(temperature(15, 35));

        assertThat(state.onSample(temperature(20, 28))).isNull(); // below the raise limit, not below the clear limit
        assertThat(state.onSample(temperature(30, 26))).isNull();
        assertThat(state.onSample(temperature(39, 26))).isNull();
        assertThat(state.onSample(temperature(40, 26))).isEqualTo(RuleEngine.Transition.clear(T0.plusSeconds(40)));
    }

    @Test
    void lostSamplesDoNotCountTowardsTheDelay() {
        ThresholdState state = new ThresholdState("ahu-1", tooHot);
        state.onSample(temperature(0, 35));

        state.onSample(PointSample.commLoss("ahu-1", "supply_air_temperature", T0.plusSeconds(5)));

        assertThat(state.onTick(T0.plusSeconds(20))).isNull();
    }

    @Test
    void theTimeAfterABadReadingDoesNotCountTowardsTheDelay() {
        ThresholdState state = new ThresholdState("ahu-1", tooHot);
        state.onSample(temperature(0, 35));

        state.onSample(new PointSample("ahu-1", "supply_air_temperature", T0.plusSeconds(5), T0.plusSeconds(5),
                Value.absent(), Quality.BAD));

        assertThat(state.onTick(T0.plusSeconds(20))).isNull(); // hot for 5 seconds, then no reading: not 15 seconds of heat
        assertThat(state.onSample(temperature(30, 35))).isNull(); // hot again: 5 seconds seen so far
        assertThat(state.onTick(T0.plusSeconds(39))).isNull();
        assertThat(state.onTick(T0.plusSeconds(40))).isEqualTo(RuleEngine.Transition.raise(T0.plusSeconds(40))); // 5 + 10
    }

    @Test
    void noDataRaisesWhenTheDeviceIsQuietForItsTimeAndClearsOnTheNextSample() {
        NoDataState state = new NoDataState("meter-1", new FaultRule.NoData("meter-offline", Duration.ofSeconds(30), Severity.IMPORTANT, "m"), T0);

        state.onSample(voltage(10));
        assertThat(state.onTick(T0.plusSeconds(39))).isNull();
        state.onSample(PointSample.commLoss("meter-1", "voltage_l1", T0.plusSeconds(35)));
        assertThat(state.onTick(T0.plusSeconds(40))).isEqualTo(RuleEngine.Transition.raise(T0.plusSeconds(40)));
        assertThat(state.onTick(T0.plusSeconds(41))).isNull();
        assertThat(state.onSample(voltage(50))).isEqualTo(RuleEngine.Transition.clear(T0.plusSeconds(50)));
    }

    @Test
    void aDeviceNeverHeardRaisesNoDataCountedFromTheStart() {
        NoDataState state = new NoDataState("meter-1", new FaultRule.NoData("meter-offline", Duration.ofSeconds(30), Severity.IMPORTANT, "m"), T0);

        assertThat(state.onTick(T0.plusSeconds(30))).isEqualTo(RuleEngine.Transition.raise(T0.plusSeconds(30)));
    }

    @Test
    void withoutAStartTheFirstTickStartsTheCountSoASlowStartRaisesNothing() {
        NoDataState state = new NoDataState("meter-1", new FaultRule.NoData("meter-offline", Duration.ofSeconds(30), Severity.IMPORTANT, "m"), null);

        // the hub took 90 s to start its routes: the first tick is late, and counts from itself
        assertThat(state.onTick(T0.plusSeconds(90))).isNull();
        assertThat(state.onTick(T0.plusSeconds(119))).isNull();
        assertThat(state.onTick(T0.plusSeconds(120))).isEqualTo(RuleEngine.Transition.raise(T0.plusSeconds(120)));
    }

    private static PointSample temperature(int second, double celsius) {
        return PointSample.good("ahu-1", "supply_air_temperature", T0.plusSeconds(second), Value.of(celsius));
    }

    private static PointSample voltage(int second) {
        return PointSample.good("meter-1", "voltage_l1", T0.plusSeconds(second), Value.of(230));
    }
}
