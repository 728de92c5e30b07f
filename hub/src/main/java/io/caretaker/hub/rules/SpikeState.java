package io.caretaker.hub.rules;

import io.caretaker.deviceprofiles.FaultRule;
import io.caretaker.deviceprofiles.canonical.PointSample;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;

/**
 * A spike rule's memory: the last two GOOD values. The middle one of three is a spike when it stands more than
 * {@code jump} away from both neighbours on the same side, so a genuine step change is not one. Raised when the
 * value after the spike arrives; cleared {@code clearAfter} after the last spike.
 */
final class SpikeState extends DeviceRuleState<FaultRule.Spike> {

    private Double beforeLast;
    private Double last;
    private Instant lastSpike;

    SpikeState(String deviceId, FaultRule.Spike rule) {
        super(deviceId, rule);
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
        lastSpike = sample.observedAt();
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
        if (lastSpike == null) {
            lastSpike = now; // resumed after a restart: give it its full time from now
            return null;
        }
        if (Duration.between(lastSpike, now).compareTo(rule.clearAfter()) >= 0) {
            active = false;
            return RuleEngine.Transition.clear(now);
        }
        return null;
    }
}
