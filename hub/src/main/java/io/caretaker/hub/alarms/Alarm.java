package io.caretaker.hub.alarms;

import io.caretaker.deviceprofiles.Severity;
import java.time.Instant;

/** One alarm: a fault rule of one device, raised, perhaps cleared, counted each time it recurs. */
public record Alarm(long id, String deviceId, String ruleId, Severity severity, AlarmState state, String message,
                    Instant raisedAt, Instant lastRaisedAt, Instant clearedAt, int occurrences, Long workOrderId,
                    // why the alarm is suppressed by design (not annunciated), or null
                    String suppressedBy,
                    // shelved by an operator (not annunciated until it expires), or null
                    Shelf shelf,
                    // removed from service (not annunciated until returned), or null
                    OutOfService outOfService,
                    // whether its current activation was put in front of the operator
                    boolean annunciated,
                    // activated at least caretaker.alarms.chattering.activations times within its window
                    boolean chattering) {

    /** An alarm as the rules see it, before any operator action. */
    public Alarm(long id, String deviceId, String ruleId, Severity severity, AlarmState state, String message, Instant raisedAt,
                 Instant lastRaisedAt, Instant clearedAt, int occurrences, Long workOrderId, String suppressedBy) {
        this(id, deviceId, ruleId, severity, state, message, raisedAt, lastRaisedAt, clearedAt, occurrences, workOrderId, suppressedBy,
                null, null, suppressedBy == null && state.isActive(), false);
    }

    public boolean suppressed() {
        return suppressedBy != null;
    }

    public boolean shelved() {
        return shelf != null;
    }

    public boolean isOutOfService() {
        return outOfService != null;
    }

    /** Shelved by an operator, with the reason, until a time no later than caretaker.alarms.max-shelve after. */
    public record Shelf(String reason, String by, Instant at, Instant until) {
    }

    /** Removed from service (e.g. its device is under repair) by someone, for a reason, since a time. */
    public record OutOfService(String reason, String by, Instant since) {
    }
}
