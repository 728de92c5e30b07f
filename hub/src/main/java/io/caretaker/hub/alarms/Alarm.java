package io.caretaker.hub.alarms;

import io.caretaker.deviceprofiles.Severity;
import java.time.Instant;

/** One alarm: a fault rule of one device, raised, perhaps cleared, counted each time it recurs. */
public record Alarm(long id, String deviceId, String ruleId, Severity severity, AlarmState state, String message,
                    Instant raisedAt, Instant lastRaisedAt, Instant clearedAt, int occurrences, Long workOrderId,
                    // why the alarm is suppressed by design (not annunciated), or null
                    String suppressedBy) {

    public boolean suppressed() {
        return suppressedBy != null;
    }
}
