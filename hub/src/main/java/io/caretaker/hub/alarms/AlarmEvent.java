package io.caretaker.hub.alarms;

import java.time.Instant;

/**
 * One entry of an alarm's audit trail: what happened, who did it ("caretaker" for the rules, else the operator),
 * when, the state after, the reason given, and whether it put the alarm in front of the operator.
 */
public record AlarmEvent(long id, long alarmId, AlarmAction action, String actor, Instant at, AlarmState state, String reason,
                         boolean annunciated) {
}
