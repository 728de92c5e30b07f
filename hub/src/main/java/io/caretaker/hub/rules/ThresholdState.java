package io.caretaker.hub.rules;

import io.caretaker.deviceprofiles.FaultRule;
import io.caretaker.deviceprofiles.canonical.PointSample;
import io.caretaker.deviceprofiles.canonical.Quality;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;

/**
 * A threshold rule's memory: since when the raise (or clear) condition has held. It raises once the condition
 * has held for {@code for}, and clears once the clear condition has held for its own {@code for}. Only GOOD
 * samples count: after a reading that is not GOOD a running delay neither ends on the clock nor restarts, and the next
 * GOOD reading decides; a lost connection forgets a half-run delay rather than guess.
 */
final class ThresholdState extends DeviceRuleState<FaultRule.Threshold> {

    private Instant holdingSince;
    private boolean latestUsable;

    ThresholdState(String deviceId, FaultRule.Threshold rule) {
        super(deviceId, rule);
    }

    @Override
    public void resumeActive() {
        super.resumeActive();
        holdingSince = null;
    }

    @Override
    public RuleEngine.Transition onSample(PointSample sample) {
        if (!sample.pointId().equals(rule.point())) {
            return null;
        }
        if (sample.quality() == Quality.COMM_LOSS) {
            holdingSince = null;
            return null;
        }
        OptionalDouble value = usableValue(sample);
        latestUsable = value.isPresent();
        if (value.isEmpty()) {
            return null;
        }
        boolean holds = active ? rule.clears(value.getAsDouble()) : rule.raises(value.getAsDouble());
        if (!holds) {
            holdingSince = null;
            return null;
        }
        if (holdingSince == null) {
            holdingSince = sample.observedAt();
        }
        return due(sample.observedAt());
    }

    @Override
    public void forgetPending() {
        holdingSince = null;
    }

    @Override
    public RuleEngine.Transition onTick(Instant now) {
        return holdingSince == null || !latestUsable ? null : due(now);
    }

    private RuleEngine.Transition due(Instant now) {
        Duration delay = active ? rule.clearDelay() : rule.forDuration();
        if (Duration.between(holdingSince, now).compareTo(delay) < 0) {
            return null;
        }
        holdingSince = null;
        active = !active;
        return active ? RuleEngine.Transition.raise(now) : RuleEngine.Transition.clear(now);
    }
}
