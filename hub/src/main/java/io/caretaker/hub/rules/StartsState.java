package io.caretaker.hub.rules;

import io.caretaker.deviceprofiles.FaultRule;
import io.caretaker.deviceprofiles.canonical.PointSample;
import io.caretaker.deviceprofiles.canonical.Quality;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalDouble;

/**
 * A starts rule's memory: the running point's last GOOD state and the instants it went from off to on within the
 * window. More than {@code max} starts raise; the alarm clears, on a sample or a tick, once starts have aged out of
 * the window so that {@code max} or fewer remain. A lost reading forgets the last state, so a device heard again
 * running is not taken for a start. An alarm resumed after a restart stands a whole window, until the starts seen
 * since can show it gone.
 */
final class StartsState extends DeviceRuleState<FaultRule.Starts> {

    private final Deque<Instant> starts = new ArrayDeque<>();
    private Boolean running;
    private Instant countingSince;

    StartsState(String deviceId, FaultRule.Starts rule) {
        super(deviceId, rule);
    }

    @Override
    public RuleEngine.Transition onSample(PointSample sample) {
        if (!sample.pointId().equals(rule.point())) {
            return null;
        }
        if (sample.quality() == Quality.COMM_LOSS) {
            running = null;
            return null;
        }
        OptionalDouble value = usableValue(sample);
        if (value.isEmpty()) {
            return null;
        }
        boolean now = value.getAsDouble() != 0;
        if (Boolean.FALSE.equals(running) && now) {
            starts.addLast(sample.observedAt());
        }
        running = now;
        return judge(sample.observedAt());
    }

    @Override
    public RuleEngine.Transition onTick(Instant now) {
        return judge(now);
    }

    private RuleEngine.Transition judge(Instant now) {
        if (countingSince == null) {
            countingSince = now;
        }
        Instant windowStart = now.minus(rule.within());
        while (!starts.isEmpty() && starts.peekFirst().isBefore(windowStart)) {
            starts.removeFirst();
        }
        boolean tooMany = starts.size() > rule.max();
        if (tooMany && !active) {
            active = true;
            return RuleEngine.Transition.raise(now);
        }
        if (!tooMany && active && Duration.between(countingSince, now).compareTo(rule.within()) >= 0) {
            active = false;
            return RuleEngine.Transition.clear(now);
        }
        return null;
    }
}
