package io.caretaker.hub.rules;

import io.caretaker.deviceprofiles.FaultRule;
import io.caretaker.deviceprofiles.canonical.PointSample;
import java.time.Instant;
import java.util.OptionalDouble;

/**
 * A rate-of-change rule's memory: the point's GOOD values within the window. It raises when the newest value is
 * more than {@code rise} above the lowest (or {@code fall} below the highest) in the window, and clears when a
 * later value shows neither over a whole window: after a gap or outside its schedule the history starts again, and
 * a few fresh readings are no evidence that the change is over.
 */
final class RateOfChangeState extends DeviceRuleState<FaultRule.RateOfChange> {

    private final PointHistory history = new PointHistory();
    private Instant watchingSince;

    RateOfChangeState(String deviceId, FaultRule.RateOfChange rule) {
        super(deviceId, rule);
    }

    @Override
    public void forgetPending() {
        history.clear();
        watchingSince = null;
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
        if (watchingSince == null) {
            watchingSince = sample.observedAt();
        }
        history.add(sample.observedAt(), now);
        history.keepWithin(sample.observedAt(), rule.window());
        boolean changing = (rule.rise() != null && now - history.min() > rule.rise())
                || (rule.fall() != null && history.max() - now > rule.fall());
        if (changing) {
            return raiseOnce(sample.observedAt());
        }
        boolean wholeWindowSeen = !watchingSince.isAfter(sample.observedAt().minus(rule.window()));
        if (active && wholeWindowSeen) {
            active = false;
            return RuleEngine.Transition.clear(sample.observedAt());
        }
        return null;
    }

    @Override
    public RuleEngine.Transition onTick(Instant now) {
        return null;
    }
}
