package io.caretaker.hub.rules;

import io.caretaker.deviceprofiles.FaultRule;
import io.caretaker.deviceprofiles.canonical.PointSample;
import io.caretaker.deviceprofiles.canonical.Quality;
import java.util.OptionalDouble;

/**
 * A flat-line rule's memory: the point's GOOD values over the last window. It raises once the values cover the
 * whole window and moved less than the tolerance, and clears as soon as the point moves by the tolerance. A lost
 * or bad reading breaks the window: a stuck sensor is one that keeps answering with the same value.
 */
final class FlatLineState extends DeviceRuleState<FaultRule.FlatLine> {

    private final PointHistory history = new PointHistory();

    FlatLineState(String deviceId, FaultRule.FlatLine rule) {
        super(deviceId, rule);
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
        OptionalDouble value = usableValue(sample);
        if (value.isEmpty()) {
            if (sample.quality() == Quality.COMM_LOSS || sample.quality() == Quality.BAD) {
                history.clear();
            }
            return null;
        }
        history.add(sample.observedAt(), value.getAsDouble());
        history.keepWindow(sample.observedAt(), rule.window());
        boolean flat = history.max() - history.min() < rule.tolerance();
        if (!active && flat && history.spans(sample.observedAt(), rule.window())) {
            active = true;
            return RuleEngine.Transition.raise(sample.observedAt());
        }
        if (active && !flat) {
            active = false;
            return RuleEngine.Transition.clear(sample.observedAt());
        }
        return null;
    }

    @Override
    public RuleEngine.Transition onTick(java.time.Instant now) {
        return null;
    }
}
