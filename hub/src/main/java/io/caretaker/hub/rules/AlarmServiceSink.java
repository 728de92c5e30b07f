package io.caretaker.hub.rules;

import io.caretaker.deviceprofiles.FaultRule;
import io.caretaker.hub.alarms.AlarmService;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/** The live hub's sink: rule verdicts become alarms. */
@Component
class AlarmServiceSink implements AlarmSink {

    private final AlarmService alarms;

    AlarmServiceSink(AlarmService alarms) {
        this.alarms = alarms;
    }

    @Override
    public void raise(String deviceId, FaultRule rule, Instant at) {
        alarms.raise(deviceId, rule, at);
    }

    @Override
    public void clear(String deviceId, String ruleId, Instant at) {
        alarms.clear(deviceId, ruleId, at);
    }

    @Override
    public void suppress(String deviceId, String ruleId, String reason, Instant at) {
        alarms.suppress(deviceId, ruleId, reason, at);
    }

    @Override
    public void unsuppress(String deviceId, String ruleId, Instant at) {
        alarms.unsuppress(deviceId, ruleId, at);
    }

    @Override
    public List<ActiveRule> active() {
        return alarms.active().stream().map(a -> new ActiveRule(a.deviceId(), a.ruleId())).toList();
    }

    @Override
    public List<ActiveRule> suppressed() {
        return alarms.suppressions().stream().map(s -> new ActiveRule(s.getKey(), s.getValue())).toList();
    }
}
