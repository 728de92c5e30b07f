package io.caretaker.hub.rules;

import io.caretaker.deviceprofiles.FaultRule;
import io.caretaker.deviceprofiles.canonical.PointSample;
import io.caretaker.deviceprofiles.canonical.Quality;
import java.time.Instant;
import java.util.OptionalDouble;

/**
 * A threshold rule's memory: since when the raise (or clear) condition has held. It raises once the condition
 * has held for {@code for}, and clears once the clear condition has held for its own {@code for}. Only GOOD
 * samples count ({@link SeenHolding}): the time after a reading that is not GOOD neither counts towards a delay nor
 * restarts it; a lost connection forgets a half-run delay rather than guess.
 */
final class ThresholdState extends DeviceRuleState<FaultRule.Threshold> {

    private final SeenHolding seen = new SeenHolding();

    ThresholdState(String deviceId, FaultRule.Threshold rule) {
        super(deviceId, rule);
    }

    @Override
    public void resumeActive() {
        super.resumeActive();
        seen.reset();
    }

    @Override
    public RuleEngine.Transition onSample(PointSample sample) {
        if (!sample.pointId().equals(rule.point())) {
            return null;
        }
        if (sample.quality() == Quality.COMM_LOSS) {
            seen.reset();
            return null;
        }
        OptionalDouble value = usableValue(sample);
        if (value.isEmpty()) {
            seen.unknown(sample.observedAt());
            return null;
        }
        boolean holds = active ? rule.clears(value.getAsDouble()) : rule.raises(value.getAsDouble());
        if (!holds) {
            seen.reset();
            return null;
        }
        seen.holds(sample.observedAt());
        return due(sample.observedAt());
    }

    @Override
    public void forgetPending() {
        seen.reset();
    }

    @Override
    public RuleEngine.Transition onTick(Instant now) {
        return due(now);
    }

    private RuleEngine.Transition due(Instant now) {
        if (!seen.lasted(active ? rule.clearDelay() : rule.forDuration(), now)) {
            return null;
        }
        seen.reset();
        active = !active;
        return active ? RuleEngine.Transition.raise(now) : RuleEngine.Transition.clear(now);
    }
}
