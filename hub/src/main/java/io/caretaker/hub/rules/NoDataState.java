package io.caretaker.hub.rules;

import io.caretaker.deviceprofiles.FaultRule;
import io.caretaker.deviceprofiles.canonical.PointSample;
import io.caretaker.deviceprofiles.canonical.Quality;
import java.time.Duration;
import java.time.Instant;

/**
 * A no-data rule's memory: when the device last said anything (any sample but COMM_LOSS). It raises when the
 * device has been quiet for {@code after}, counted from {@code start} for a device never heard, and clears
 * on the next sample. Without a {@code start}, the first tick starts the count: the engine's first tick comes once
 * ingest runs, so a site of many devices still connecting at start-up does not raise spurious no-data alarms.
 */
final class NoDataState extends DeviceRuleState<FaultRule.NoData> {

    private Instant lastHeard;

    NoDataState(String deviceId, FaultRule.NoData rule, Instant start) {
        super(deviceId, rule);
        this.lastHeard = start;
    }

    @Override
    public RuleEngine.Transition onSample(PointSample sample) {
        if (sample.quality() == Quality.COMM_LOSS) {
            return null;
        }
        if (lastHeard == null || sample.receivedAt().isAfter(lastHeard)) {
            lastHeard = sample.receivedAt();
        }
        if (active) {
            active = false;
            return RuleEngine.Transition.clear(sample.receivedAt());
        }
        return null;
    }

    @Override
    public RuleEngine.Transition onTick(Instant now) {
        if (lastHeard == null) {
            lastHeard = now;
            return null;
        }
        if (!active && Duration.between(lastHeard, now).compareTo(rule.after()) >= 0) {
            active = true;
            return RuleEngine.Transition.raise(now);
        }
        return null;
    }
}
