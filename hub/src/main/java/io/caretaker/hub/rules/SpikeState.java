package io.caretaker.hub.rules;

import io.caretaker.deviceprofiles.FaultRule;
import io.caretaker.deviceprofiles.canonical.PointSample;
import java.time.Instant;
import java.util.OptionalDouble;

/**
 * A spike rule's memory: the last two GOOD values. The middle one of three is a spike when it stands more than
 * {@code jump} away from both neighbours on the same side, so a genuine step change is not one. Raised when the
 * value after the spike arrives; cleared {@code clearAfter} after the last spike.
 */
final class SpikeState extends DeviceRuleState<FaultRule.Spike> {

    private final QuietTime quiet;
    private Double beforeLast;
    private Double last;

    SpikeState(String deviceId, FaultRule.Spike rule) {
        super(deviceId, rule);
        this.quiet = new QuietTime(rule.clearAfter());
    }

    @Override
    public void forgetPending() {
        beforeLast = null;
        last = null;
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
        double next = value.getAsDouble();
        boolean spike = beforeLast != null
                && ((last - beforeLast > rule.jump() && last - next > rule.jump())
                || (beforeLast - last > rule.jump() && next - last > rule.jump()));
        beforeLast = last;
        last = next;
        if (!spike) {
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
