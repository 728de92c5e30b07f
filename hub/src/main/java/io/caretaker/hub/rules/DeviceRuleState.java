package io.caretaker.hub.rules;

import io.caretaker.deviceprofiles.FaultRule;
import io.caretaker.deviceprofiles.canonical.PointSample;
import java.util.OptionalDouble;

/**
 * What every rule state holds the same way: the device it watches, its rule, and whether the rule is active. Kept
 * in one place so each state says only what its own kind of rule remembers; {@link #resumeActive()} sets the rule
 * active, and a state with a half-run delay drops it as well; {@link #notKept} undoes a verdict the sink did not keep.
 */
abstract sealed class DeviceRuleState<R extends FaultRule> implements RuleEngine.RuleState
        permits ThresholdState, NoDataState, FlatLineState, RateOfChangeState, SpikeState,
        CommandFeedbackState, CounterBackwardsState, StartsState, EventState, ExpressionState {

    protected final String deviceId;
    protected final R rule;
    protected boolean active;

    DeviceRuleState(String deviceId, R rule) {
        this.deviceId = deviceId;
        this.rule = rule;
    }

    @Override
    public final String deviceId() {
        return deviceId;
    }

    @Override
    public final FaultRule rule() {
        return rule;
    }

    @Override
    public void resumeActive() {
        active = true;
    }

    /** Raises the rule at {@code at} unless it is already active (then nothing changes). */
    protected RuleEngine.Transition raiseOnce(java.time.Instant at) {
        if (active) {
            return null;
        }
        active = true;
        return RuleEngine.Transition.raise(at);
    }

    /** Clears the rule at {@code now} when it is active and its quiet time is over. */
    protected RuleEngine.Transition clearWhenQuiet(QuietTime quiet, java.time.Instant now) {
        if (!active || !quiet.over(now)) {
            return null;
        }
        active = false;
        return RuleEngine.Transition.clear(now);
    }

    @Override
    public void notKept(RuleEngine.Transition transition) {
        active = !transition.raised();
    }

    /**
     * The sample's value as a number when the rules may use it: a GOOD reading of a numeric value; empty otherwise,
     * so a lost, bad or non-numeric reading never counts as a measurement.
     */
    static OptionalDouble usableValue(PointSample sample) {
        OptionalDouble value = sample.value().asDouble();
        return RuleEngine.usable(sample) ? value : OptionalDouble.empty();
    }
}
