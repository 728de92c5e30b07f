package io.caretaker.hub.rules;

import io.caretaker.deviceprofiles.DeviceProfile;
import io.caretaker.deviceprofiles.FaultRule;
import io.caretaker.deviceprofiles.ProfileCatalog;
import io.caretaker.deviceprofiles.canonical.PointSample;
import io.caretaker.deviceprofiles.canonical.Quality;
import io.caretaker.deviceprofiles.site.InstalledDevice;
import io.caretaker.deviceprofiles.site.Site;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Runs every installed device's fault rules: threshold rules on each sample of their point, and all rules on a
 * clock tick (a {@code for} that has run out, a device that went quiet). Fed from the single ingest route, so
 * it is never called concurrently. Its verdicts go to an {@link AlarmSink}, so history can be replayed through
 * the same rules.
 */
@Component
public class RuleEngine {

    private final Map<String, List<RuleState>> statesByDevice = new HashMap<>();
    private final AlarmSink alarms;

    public RuleEngine(Site site, ProfileCatalog profiles, AlarmSink alarms, Clock clock) {
        this.alarms = alarms;
        for (InstalledDevice device : site.devices()) {
            DeviceProfile profile = profiles.get(device.profile());
            List<RuleState> states = new ArrayList<>();
            for (FaultRule rule : profile.rules()) {
                if (rule instanceof FaultRule.Threshold threshold) {
                    states.add(new ThresholdState(device.id(), threshold));
                } else if (rule instanceof FaultRule.NoData noData) {
                    // counted from the first tick, once ingest runs, not from this bean's creation
                    states.add(new NoDataState(device.id(), noData, null));
                }
            }
            statesByDevice.put(device.id(), states);
        }
        // after a restart, the alarms still active in the store are the rules' starting state
        for (AlarmSink.ActiveRule alarm : alarms.active()) {
            statesByDevice.getOrDefault(alarm.deviceId(), List.of()).stream()
                    .filter(s -> s.rule().id().equals(alarm.ruleId()))
                    .forEach(RuleState::resumeActive);
        }
    }

    public void onSample(PointSample sample) {
        for (RuleState state : statesByDevice.getOrDefault(sample.deviceId(), List.of())) {
            apply(state, state.onSample(sample));
        }
    }

    public void onTick(Instant now) {
        for (List<RuleState> states : statesByDevice.values()) {
            for (RuleState state : states) {
                apply(state, state.onTick(now));
            }
        }
    }

    private void apply(RuleState state, Transition transition) {
        if (transition == null) {
            return;
        }
        if (transition.raised()) {
            alarms.raise(state.deviceId(), state.rule(), transition.at());
        } else {
            alarms.clear(state.deviceId(), state.rule().id(), transition.at());
        }
    }

    /** A rule's verdict changed: raised or cleared, at this instant. */
    record Transition(boolean raised, Instant at) {

        static Transition raise(Instant at) {
            return new Transition(true, at);
        }

        static Transition clear(Instant at) {
            return new Transition(false, at);
        }
    }

    /** One rule of one device, with the memory its time behaviour needs. */
    sealed interface RuleState permits ThresholdState, NoDataState {

        String deviceId();

        FaultRule rule();

        Transition onSample(PointSample sample);

        Transition onTick(Instant now);

        void resumeActive();
    }

    static boolean usable(PointSample sample) {
        return sample.quality() == Quality.GOOD;
    }
}
