package io.caretaker.hub.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.caretaker.deviceprofiles.FaultRule;
import io.caretaker.deviceprofiles.Severity;
import io.caretaker.deviceprofiles.canonical.DeviceEvent;
import io.caretaker.deviceprofiles.canonical.PointSample;
import io.caretaker.deviceprofiles.canonical.Quality;
import io.caretaker.deviceprofiles.canonical.Value;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each new rule type on event time: the instants are the controllable clock. */
class RuleTypesStateTest {

    private static final Instant T0 = Instant.parse("2026-11-28T02:00:00Z");

    @Test
    void aThresholdWithADeadbandClearsOnlyPastTheDeadbandAfterItsOffDelay() {
        ThresholdState state = new ThresholdState("ahu-1", new FaultRule.Threshold("too-hot", "t", 30.0, null,
                Duration.ofSeconds(10), new FaultRule.Threshold.Clear(null, null, Duration.ofSeconds(20)), Severity.MAJOR, null,
                2.0, null, null));

        assertThat(state.onSample(sample("t", 0, 31))).isNull();
        assertThat(state.onTick(T0.plusSeconds(10))).isEqualTo(RuleEngine.Transition.raise(T0.plusSeconds(10)));
        assertThat(state.onSample(sample("t", 20, 29))).isNull(); // below the limit, inside the deadband
        assertThat(state.onTick(T0.plusSeconds(60))).isNull();
        assertThat(state.onSample(sample("t", 70, 27.5))).isNull(); // past the deadband: the off delay starts
        assertThat(state.onSample(sample("t", 80, 28.5))).isNull(); // back inside: the off delay restarts
        assertThat(state.onSample(sample("t", 90, 27))).isNull();
        assertThat(state.onTick(T0.plusSeconds(109))).isNull();
        assertThat(state.onTick(T0.plusSeconds(110))).isEqualTo(RuleEngine.Transition.clear(T0.plusSeconds(110)));
    }

    @Test
    void aFlatLineRaisesWhenThePointHardlyMovedForTheWholeWindowAndClearsWhenItMoves() {
        FlatLineState state = new FlatLineState("ahu-1", new FaultRule.FlatLine("stuck", "t", 0.05, Duration.ofMinutes(10),
                Severity.MINOR, null, null, null));

        for (int minute = 0; minute < 10; minute++) {
            assertThat(state.onSample(sample("t", minute * 60, 21.50 + (minute % 2) * 0.01))).as("minute %d", minute).isNull();
        }
        assertThat(state.onSample(sample("t", 600, 21.51))).isEqualTo(RuleEngine.Transition.raise(T0.plusSeconds(600)));
        assertThat(state.onSample(sample("t", 660, 21.52))).isNull();
        assertThat(state.onSample(sample("t", 720, 21.9))).isEqualTo(RuleEngine.Transition.clear(T0.plusSeconds(720)));
    }

    @Test
    void aLiveSensorOrABrokenWindowIsNotAFlatLine() {
        FlatLineState state = new FlatLineState("ahu-1", new FaultRule.FlatLine("stuck", "t", 0.05, Duration.ofMinutes(10),
                Severity.MINOR, null, null, null));

        for (int minute = 0; minute <= 20; minute++) {
            assertThat(state.onSample(sample("t", minute * 60, 21 + minute * 0.1))).isNull();
        }
        for (int minute = 21; minute <= 30; minute++) {
            state.onSample(sample("t", minute * 60, 25));
        }
        state.onSample(PointSample.commLoss("ahu-1", "t", T0.plusSeconds(31 * 60)));
        assertThat(state.onSample(sample("t", 32 * 60, 25))).isNull(); // the window starts again after the loss
        assertThat(state.onSample(sample("t", 41 * 60, 25))).isNull();
        assertThat(state.onSample(sample("t", 42 * 60, 25))).isEqualTo(RuleEngine.Transition.raise(T0.plusSeconds(42 * 60)));
    }

    @Test
    void aRateOfChangeRaisesOnARiseWithinTheWindowAndClearsWhenTheWindowIsCalmAgain() {
        RateOfChangeState state = new RateOfChangeState("meter-1", new FaultRule.RateOfChange("consumption-spike", "energy",
                50.0, null, Duration.ofMinutes(15), Severity.IMPORTANT, null, null, null));

        assertThat(state.onSample(sample("energy", 0, 1000))).isNull();
        assertThat(state.onSample(sample("energy", 300, 1020))).isNull();
        assertThat(state.onSample(sample("energy", 600, 1040))).isNull(); // 40 in 10 minutes
        assertThat(state.onSample(sample("energy", 900, 1060))).isEqualTo(RuleEngine.Transition.raise(T0.plusSeconds(900)));
        assertThat(state.onSample(sample("energy", 1200, 1075))).isNull(); // 55 above 1020, the lowest left in the window
        assertThat(state.onSample(sample("energy", 1500, 1080))).isEqualTo(RuleEngine.Transition.clear(T0.plusSeconds(1500))); // 40 above 1040
    }

    @Test
    void aRateOfChangeClearsOnlyOnceAWholeFreshWindowIsCalm() {
        RateOfChangeState state = new RateOfChangeState("water-1", new FaultRule.RateOfChange("night-use", "volume",
                50.0, null, Duration.ofMinutes(15), Severity.MINOR, null, null, null));
        state.onSample(sample("volume", 0, 1000));
        assertThat(state.onSample(sample("volume", 600, 1060))).isEqualTo(RuleEngine.Transition.raise(T0.plusSeconds(600)));

        state.forgetPending(); // its schedule's window closed; the next one opens a day later
        int nextNight = 86_400;
        assertThat(state.onSample(sample("volume", nextNight, 3000))).isNull(); // one reading shows no change, nor its end
        assertThat(state.onSample(sample("volume", nextNight + 600, 3010))).isNull();
        assertThat(state.onSample(sample("volume", nextNight + 900, 3020)))
                .isEqualTo(RuleEngine.Transition.clear(T0.plusSeconds(nextNight + 900))); // a whole calm window
    }

    @Test
    void aFallIsCheckedOnlyWhenDeclared() {
        RateOfChangeState state = new RateOfChangeState("ahu-1", new FaultRule.RateOfChange("drop", "t",
                null, 5.0, Duration.ofMinutes(1), Severity.MINOR, null, null, null));

        assertThat(state.onSample(sample("t", 0, 20))).isNull();
        assertThat(state.onSample(sample("t", 30, 40))).isNull(); // a rise is not this rule's business
        assertThat(state.onSample(sample("t", 60, 34))).isEqualTo(RuleEngine.Transition.raise(T0.plusSeconds(60)));
    }

    @Test
    void aSpikeIsALoneOutlierNotAStepAndClearsAfterQuiet() {
        SpikeState state = new SpikeState("ahu-1", new FaultRule.Spike("glitch", "t", 10.0, Duration.ofMinutes(30),
                Severity.MINOR, null, null));

        state.onSample(sample("t", 0, 20));
        state.onSample(sample("t", 60, 45)); // a step up...
        assertThat(state.onSample(sample("t", 120, 46))).isNull(); // ...that stays is no spike
        state.onSample(sample("t", 180, 85));
        assertThat(state.onSample(sample("t", 240, 46))).isEqualTo(RuleEngine.Transition.raise(T0.plusSeconds(240)));
        state.onSample(sample("t", 300, 10));
        assertThat(state.onSample(sample("t", 360, 46))).isNull(); // a second spike keeps the same alarm
        assertThat(state.onTick(T0.plusSeconds(360 + 1799))).isNull();
        assertThat(state.onTick(T0.plusSeconds(360 + 1800))).isEqualTo(RuleEngine.Transition.clear(T0.plusSeconds(2160)));
    }

    @Test
    void commandedOnButNotRunningRaisesAfterTheDelayAndClearsWhenItRuns() {
        CommandFeedbackState state = new CommandFeedbackState("ahu-1", new FaultRule.CommandFeedback("fan-failed",
                "fan_command", "fan_status", null, Duration.ofSeconds(30), Severity.MAJOR, null, null, null));

        state.onSample(bool("fan_command", 0, false));
        state.onSample(bool("fan_status", 0, false));
        assertThat(state.onSample(bool("fan_command", 10, true))).isNull();
        assertThat(state.onSample(bool("fan_status", 25, true))).isNull(); // followed within the delay: no fault
        assertThat(state.onTick(T0.plusSeconds(60))).isNull();

        assertThat(state.onSample(bool("fan_status", 100, false))).isNull(); // tripped while commanded on
        assertThat(state.onTick(T0.plusSeconds(129))).isNull();
        assertThat(state.onTick(T0.plusSeconds(130))).isEqualTo(RuleEngine.Transition.raise(T0.plusSeconds(130)));
        assertThat(state.onTick(T0.plusSeconds(140))).isNull();
        assertThat(state.onSample(bool("fan_status", 200, true))).isEqualTo(RuleEngine.Transition.clear(T0.plusSeconds(200)));
    }

    @Test
    void theTimeAfterABadFeedbackReadingDoesNotCountTowardsTheDelay() {
        CommandFeedbackState state = new CommandFeedbackState("ahu-1", new FaultRule.CommandFeedback("fan-failed",
                "fan_command", "fan_status", null, Duration.ofSeconds(30), Severity.MAJOR, null, null, null));
        state.onSample(bool("fan_command", 0, true));
        state.onSample(bool("fan_status", 0, false));

        state.onSample(new PointSample("ahu-1", "fan_status", T0.plusSeconds(5), T0.plusSeconds(5), Value.absent(),
                Quality.BAD));

        assertThat(state.onTick(T0.plusSeconds(60))).isNull(); // 5 seconds of disagreement seen, then no reading
        assertThat(state.onSample(bool("fan_status", 61, false))).isNull();
        assertThat(state.onTick(T0.plusSeconds(85))).isNull();
        assertThat(state.onTick(T0.plusSeconds(86))).isEqualTo(RuleEngine.Transition.raise(T0.plusSeconds(86))); // 5 + 25
    }

    @Test
    void runningWithoutACommandIsAMismatchToo() {
        CommandFeedbackState state = new CommandFeedbackState("ahu-1", new FaultRule.CommandFeedback("fan-in-hand",
                "fan_command", "fan_status", null, Duration.ofSeconds(30), Severity.MAJOR, null, null, null));

        state.onSample(bool("fan_command", 0, false));
        state.onSample(bool("fan_status", 0, true));

        assertThat(state.onTick(T0.plusSeconds(30))).isEqualTo(RuleEngine.Transition.raise(T0.plusSeconds(30)));
    }

    @Test
    void aCounterGoingBackRaisesOnceAndClearsAfterItsTime() {
        CounterBackwardsState state = new CounterBackwardsState("meter-1", new FaultRule.CounterBackwards("meter-reset",
                "energy", 0.01, Duration.ofHours(1), Severity.IMPORTANT, null, null));

        state.onSample(sample("energy", 0, 1234.50));
        assertThat(state.onSample(sample("energy", 60, 1234.495))).isNull(); // within the tolerance (float jitter)
        assertThat(state.onSample(sample("energy", 120, 1235))).isNull();
        assertThat(state.onSample(sample("energy", 180, 0.2))).isEqualTo(RuleEngine.Transition.raise(T0.plusSeconds(180)));
        assertThat(state.onSample(sample("energy", 240, 0.3))).isNull(); // counting up from the new base
        assertThat(state.onTick(T0.plusSeconds(180 + 3599))).isNull();
        assertThat(state.onTick(T0.plusSeconds(180 + 3600))).isEqualTo(RuleEngine.Transition.clear(T0.plusSeconds(3780)));
    }

    @Test
    void aFireAlarmClearsWhenEveryZoneItSawIsRestored() {
        EventState state = new EventState("panel-1", new FaultRule.Event("fire", "fire-alarm", null, null,
                Severity.LIFE_SAFETY, null));

        assertThat(state.onEvent(cid(0, "005", "111", "new"))).isEqualTo(RuleEngine.Transition.raise(T0));
        assertThat(state.onEvent(cid(30, "006", "111", "new"))).isNull(); // the same alarm, another zone
        assertThat(state.onEvent(cid(60, "005", "111", "end"))).isNull(); // zone 6 is still in alarm
        assertThat(state.onTick(T0.plus(Duration.ofDays(1)))).isNull(); // no clearAfter: only a restore clears
        assertThat(state.onEvent(cid(90, "006", "111", "end"))).isEqualTo(RuleEngine.Transition.clear(T0.plusSeconds(90)));
        assertThat(state.onEvent(new DeviceEvent("panel-1", "fire-trouble", T0.plusSeconds(100), Map.of()))).isNull();
    }

    @Test
    void aRestoreClearsAnAlarmResumedAfterARestart() {
        EventState state = new EventState("panel-1", new FaultRule.Event("fire", "fire-alarm", null, null,
                Severity.LIFE_SAFETY, null));
        state.resumeActive();

        assertThat(state.onEvent(cid(10, "005", "111", "end"))).isEqualTo(RuleEngine.Transition.clear(T0.plusSeconds(10)));
    }

    @Test
    void aDoorForcedWithoutRestoreClearsAfterItsTimeWithoutRecurrence() {
        EventState state = new EventState("door-1", new FaultRule.Event("door-forced", "access-event",
                Map.of("event", List.of("door-forced")), Duration.ofMinutes(10), Severity.MAJOR, null));

        assertThat(state.onEvent(access(0, "access-granted"))).isNull();
        assertThat(state.onEvent(access(5, "door-forced"))).isEqualTo(RuleEngine.Transition.raise(T0.plusSeconds(5)));
        assertThat(state.onEvent(access(300, "door-forced"))).isNull(); // recurs: the ten minutes start again
        assertThat(state.onTick(T0.plusSeconds(600))).isNull();
        assertThat(state.onTick(T0.plusSeconds(900))).isEqualTo(RuleEngine.Transition.clear(T0.plusSeconds(900)));
    }

    @Test
    void anIsolationRaisesOnlyOnceLeftOnForItsTimeAndClearsOnItsRestore() {
        EventState state = new EventState("panel-1", new FaultRule.Event("isolation-left-on", "fire-isolation", null, null,
                Duration.ofHours(4), Severity.IMPORTANT, null));

        assertThat(state.onEvent(isolation(0, "007", "new"))).isNull();
        assertThat(state.onEvent(isolation(3600, "008", "new"))).isNull();
        assertThat(state.onEvent(isolation(3 * 3600, "007", "end"))).isNull(); // zone 7 back after three hours
        assertThat(state.onTick(T0.plus(Duration.ofHours(4)))).isNull(); // zone 8 isolated for three hours so far
        assertThat(state.onEvent(isolation(4 * 3600 + 60, "008", "update"))).isNull(); // a status report: isolated since 1 h
        assertThat(state.onTick(T0.plus(Duration.ofHours(5)).minusSeconds(1))).isNull();
        assertThat(state.onTick(T0.plus(Duration.ofHours(5)))).isEqualTo(RuleEngine.Transition.raise(T0.plus(Duration.ofHours(5))));
        assertThat(state.onEvent(isolation(6 * 3600, "008", "end"))).isEqualTo(RuleEngine.Transition.clear(T0.plus(Duration.ofHours(6))));
    }

    @Test
    void moreStartsThanTheMaxWithinTheWindowRaiseAndClearOnceTheyAgeOut() {
        StartsState state = new StartsState("chiller-1", new FaultRule.Starts("short-cycling", "running", 6,
                Duration.ofHours(1), Severity.IMPORTANT, null));

        assertThat(state.onSample(bool("running", 0, false))).isNull();
        for (int start = 1; start <= 6; start++) { // on at 4, 8 ... 24 min, off two minutes later: six starts
            assertThat(state.onSample(bool("running", start * 240, true))).as("start %d", start).isNull();
            assertThat(state.onSample(bool("running", start * 240 + 120, false))).isNull();
        }
        assertThat(state.onSample(bool("running", 7 * 240, true))).isEqualTo(RuleEngine.Transition.raise(T0.plusSeconds(7 * 240)));
        assertThat(state.onSample(bool("running", 7 * 240 + 60, true))).isNull(); // stays on: not another start
        // the start at 4 min leaves the window just after 64 min, leaving six
        assertThat(state.onTick(T0.plusSeconds(64 * 60))).isNull();
        assertThat(state.onTick(T0.plusSeconds(64 * 60 + 1))).isEqualTo(RuleEngine.Transition.clear(T0.plusSeconds(64 * 60 + 1)));
    }

    @Test
    void aRunningDeviceHeardAgainAfterALostReadingHasNotStarted() {
        StartsState state = new StartsState("chiller-1", new FaultRule.Starts("short-cycling", "running", 1,
                Duration.ofHours(1), Severity.IMPORTANT, null));

        assertThat(state.onSample(bool("running", 0, false))).isNull();
        assertThat(state.onSample(bool("running", 60, true))).isNull(); // the first start
        assertThat(state.onSample(bool("running", 120, false))).isNull();
        assertThat(state.onSample(PointSample.commLoss("ahu-1", "running", T0.plusSeconds(130)))).isNull();
        assertThat(state.onSample(bool("running", 200, true))).isNull(); // it may have started, or never stopped
        assertThat(state.onSample(bool("running", 300, false))).isNull();
        assertThat(state.onSample(bool("running", 360, true))).isEqualTo(RuleEngine.Transition.raise(T0.plusSeconds(360)));
    }

    @Test
    void aStartsAlarmResumedAfterARestartStandsAWholeWindow() {
        StartsState state = new StartsState("chiller-1", new FaultRule.Starts("short-cycling", "running", 6,
                Duration.ofHours(1), Severity.IMPORTANT, null));
        state.resumeActive();

        assertThat(state.onTick(T0)).isNull();
        assertThat(state.onTick(T0.plus(Duration.ofMinutes(59)))).isNull(); // no starts seen yet, but not a whole hour
        assertThat(state.onTick(T0.plus(Duration.ofMinutes(60)))).isEqualTo(RuleEngine.Transition.clear(T0.plus(Duration.ofMinutes(60))));
    }

    private static PointSample sample(String point, int second, double value) {
        return PointSample.good("ahu-1", point, T0.plusSeconds(second), Value.of(value));
    }

    private static PointSample bool(String point, int second, boolean value) {
        return PointSample.good("ahu-1", point, T0.plusSeconds(second), Value.of(value));
    }

    /** As the MQTT connector emits a Contact ID report with a phase. */
    private static DeviceEvent cid(int second, String zone, String code, String phase) {
        return new DeviceEvent("panel-1", "fire-alarm", T0.plusSeconds(second),
                Map.of("zone", zone, "code", code, "phase", phase, "eventId", zone + "/" + code));
    }

    private static DeviceEvent isolation(int second, String zone, String phase) {
        return new DeviceEvent("panel-1", "fire-isolation", T0.plusSeconds(second),
                Map.of("zone", zone, "code", "571", "phase", phase, "eventId", zone + "/571"));
    }

    private static DeviceEvent access(int second, String event) {
        return new DeviceEvent("door-1", "access-event", T0.plusSeconds(second), Map.of("event", event, "door", "1"));
    }
}
