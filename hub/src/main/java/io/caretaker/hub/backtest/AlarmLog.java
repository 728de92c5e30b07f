package io.caretaker.hub.backtest;

import io.caretaker.deviceprofiles.FaultRule;
import io.caretaker.hub.rules.AlarmSink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The alarms a backtest raised, kept in memory in the order they were raised: the rule engine's sink for history. */
public final class AlarmLog implements AlarmSink {

    private final List<BacktestAlarm> alarms = new ArrayList<>();
    private final Map<String, Integer> openByKey = new HashMap<>();

    @Override
    public void raise(String deviceId, FaultRule rule, Instant at) {
        String key = deviceId + "/" + rule.id();
        if (openByKey.containsKey(key)) {
            return; // one alarm per (device, rule) at a time, as in the hub
        }
        openByKey.put(key, alarms.size());
        alarms.add(new BacktestAlarm(deviceId, rule.id(), rule.severity(), rule.message(), at, null));
    }

    @Override
    public void clear(String deviceId, String ruleId, Instant at) {
        Integer index = openByKey.remove(deviceId + "/" + ruleId);
        if (index != null) {
            alarms.set(index, alarms.get(index).clearedAt(at));
        }
    }

    @Override
    public void suppress(String deviceId, String ruleId, String reason, Instant at) {
        // suppression by design hides an alarm from operators; a backtest reports what the rules found
    }

    @Override
    public void unsuppress(String deviceId, String ruleId, Instant at) {
    }

    @Override
    public List<ActiveRule> active() {
        return List.of(); // history starts with no alarm active
    }

    /** The rules of a device whose alarm is active now. */
    public Set<String> activeRules(String deviceId) {
        Set<String> active = new HashSet<>();
        for (String key : openByKey.keySet()) {
            if (key.startsWith(deviceId + "/")) {
                active.add(key.substring(deviceId.length() + 1));
            }
        }
        return active;
    }

    public List<BacktestAlarm> alarms() {
        return List.copyOf(alarms);
    }
}
