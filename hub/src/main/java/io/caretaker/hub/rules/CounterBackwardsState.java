package io.caretaker.hub.rules;

import io.caretaker.deviceprofiles.FaultRule;
import io.caretaker.deviceprofiles.canonical.PointSample;
import java.time.Instant;
import java.util.OptionalDouble;

/**
 * A counter-backwards rule's memory: the counter's last GOOD reading. A reading lower by more than the tolerance
 * raises (the meter was reset, replaced or rolled back); the alarm clears {@code clearAfter} after the last step
 * back. The lower reading becomes the new base, so a reset raises once, not on every later reading.
 */
final class CounterBackwardsState extends DeviceRuleState<FaultRule.CounterBackwards> {

    private Double last;
    private final QuietTime quiet;

    CounterBackwardsState(String deviceId, FaultRule.CounterBackwards rule) {
        super(deviceId, rule);
        this.quiet = new QuietTime(rule.clearAfter());
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
        quiet.occurred(sample.observedAt());
        return raiseOnce(sample.observedAt());
    }

    @Override
    public RuleEngine.Transition onTick(Instant now) {
        return clearWhenQuiet(quiet, now);
    }
}
