package io.caretaker.hub.rules;

import io.caretaker.deviceprofiles.FaultRule;
import java.time.Instant;
import java.util.List;

/**
 * Where the rule engine's verdicts go: the alarm service when the hub runs, an in-memory list when history is
 * replayed through the same rules.
 */
public interface AlarmSink {

    void raise(String deviceId, FaultRule rule, Instant at);

    void clear(String deviceId, String ruleId, Instant at);

    /** Suppression by design starts for a (device, rule): its device is lost, its plant is off. */
    void suppress(String deviceId, String ruleId, String reason, Instant at);

    void unsuppress(String deviceId, String ruleId, Instant at);

    /** The (device, rule) pairs active now, the engine's starting state after a restart. */
    List<ActiveRule> active();

    /** The (device, rule) pairs suppressed by design now, so a restarted engine knows what to lift. */
    default List<ActiveRule> suppressed() {
        return List.of();
    }

    record ActiveRule(String deviceId, String ruleId) {
    }
}
