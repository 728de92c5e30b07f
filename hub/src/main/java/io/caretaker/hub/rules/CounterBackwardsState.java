package io.caretaker.hub.rules;

import io.caretaker.deviceprofiles.FaultRule;
import io.caretaker.deviceprofiles.canonical.PointSample;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;

/**
 * A counter-backwards rule's memory: the counter's last GOOD reading. A reading lower by more than the tolerance
 * raises (the meter was reset, replaced or rolled back); the alarm clears {@code clearAfter} after the last step
 * back. The lower reading becomes the new base, so a reset raises once, not on every later reading.
 */
final class CounterBackwardsState extends DeviceRuleState<FaultRule.CounterBackwards> {

    private Double last;
    private Instant lastStepBack;

    CounterBackwardsState(String deviceId, FaultRule.CounterBackwards rule) {
        super(deviceId, rule);
    }

    @Override
    public RuleEngine.Transition onSample(PointSample sample) {
        if (!sample.pointId().equals(rule.point())) {
            return null;
        }
        OptionalDouble value = usableValue(sample);
        if (value.isEmpty()) {
            return null;
        }
        double now = value.getAsDouble();
        boolean back = last != null && now < last - rule.tolerance();
        last = now;
        if (!back) {
            return null;
        }
        lastStepBack = sample.observedAt();
        if (active) {
            return null;
        }
        active = true;
        return RuleEngine.Transition.raise(sample.observedAt());
    }

    @Override
    public RuleEngine.Transition onTick(Instant now) {
        if (!active) {
            return null;
        }
        if (lastStepBack == null) {
            lastStepBack = now; // resumed after a restart: give it its full time from now
            return null;
        }
        if (Duration.between(lastStepBack, now).compareTo(rule.clearAfter()) >= 0) {
            active = false;
            return RuleEngine.Transition.clear(now);
        }
        return null;
    }
}
