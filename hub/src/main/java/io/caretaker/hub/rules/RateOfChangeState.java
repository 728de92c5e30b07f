package io.caretaker.hub.rules;

import io.caretaker.deviceprofiles.FaultRule;
import io.caretaker.deviceprofiles.canonical.PointSample;
import java.time.Instant;
import java.util.OptionalDouble;

/**
 * A rate-of-change rule's memory: the point's GOOD values within the window. It raises when the newest value is
 * more than {@code rise} above the lowest (or {@code fall} below the highest) in the window, and clears when a
 * later value shows neither.
 */
final class RateOfChangeState implements RuleEngine.RuleState {

    private final String deviceId;
    private final FaultRule.RateOfChange rule;
    private final PointHistory history = new PointHistory();
    private boolean active;

    RateOfChangeState(String deviceId, FaultRule.RateOfChange rule) {
        this.deviceId = deviceId;
        this.rule = rule;
    }

    @Override
    public String deviceId() {
        return deviceId;
    }

    @Override
    public FaultRule rule() {
        return rule;
    }

    @Override
    public void resumeActive() {
        active = true;
    }

    @Override
    public void forgetPending() {
        history.clear();
    }

    @Override
    public RuleEngine.Transition onSample(PointSample sample) {
        if (!sample.pointId().equals(rule.point())) {
            return null;
        }
        OptionalDouble value = sample.value().asDouble();
        if (!RuleEngine.usable(sample) || value.isEmpty()) {
            return null;
        }
        double now = value.getAsDouble();
        history.add(sample.observedAt(), now);
        history.keepWithin(sample.observedAt(), rule.window());
        boolean changing = (rule.rise() != null && now - history.min() > rule.rise())
                || (rule.fall() != null && history.max() - now > rule.fall());
        if (changing != active) {
            active = changing;
            return changing ? RuleEngine.Transition.raise(sample.observedAt()) : RuleEngine.Transition.clear(sample.observedAt());
        }
        return null;
    }

    @Override
    public RuleEngine.Transition onTick(Instant now) {
        return null;
    }
}
