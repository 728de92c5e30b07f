package io.caretaker.hub.rules;

import io.caretaker.deviceprofiles.FaultRule;
import io.caretaker.deviceprofiles.canonical.PointSample;
import io.caretaker.deviceprofiles.canonical.Quality;
import java.time.Instant;
import java.util.OptionalDouble;

/**
 * A command-versus-feedback rule's memory: the latest GOOD command and feedback, and since when they disagree.
 * It raises once they have disagreed for {@code for} (the time the plant needs to follow its command) and clears
 * as soon as they agree. The time after a reading of either that is not GOOD neither counts towards the delay nor
 * restarts it ({@link SeenHolding}); a lost connection forgets a half-run delay rather than guess.
 */
final class CommandFeedbackState extends DeviceRuleState<FaultRule.CommandFeedback> {

    private Double command;
    private Double feedback;
    private final SeenHolding disagreeing = new SeenHolding();

    CommandFeedbackState(String deviceId, FaultRule.CommandFeedback rule) {
        super(deviceId, rule);
    }

    @Override
    public void forgetPending() {
        disagreeing.reset();
    }

    @Override
    public RuleEngine.Transition onSample(PointSample sample) {
        boolean isCommand = sample.pointId().equals(rule.command());
        if (!isCommand && !sample.pointId().equals(rule.feedback())) {
            return null;
        }
        OptionalDouble value = usableValue(sample);
        if (value.isEmpty()) {
            if (sample.quality() == Quality.COMM_LOSS) {
                command = null;
                feedback = null;
                disagreeing.reset();
            } else {
                if (isCommand) {
                    command = null;
                } else {
                    feedback = null;
                }
                disagreeing.unknown(sample.observedAt());
            }
            return null;
        }
        if (isCommand) {
            command = value.getAsDouble();
        } else {
            feedback = value.getAsDouble();
        }
        if (command == null || feedback == null) {
            return null;
        }
        boolean disagree = Math.abs(command - feedback) > rule.tolerance();
        if (!disagree) {
            disagreeing.reset();
            if (active) {
                active = false;
                return RuleEngine.Transition.clear(sample.observedAt());
            }
            return null;
        }
        disagreeing.holds(sample.observedAt());
        return due(sample.observedAt());
    }

    @Override
    public RuleEngine.Transition onTick(Instant now) {
        return due(now);
    }

    private RuleEngine.Transition due(Instant now) {
        if (active || !disagreeing.lasted(rule.forDuration(), now)) {
            return null;
        }
        active = true;
        return RuleEngine.Transition.raise(now);
    }
}
