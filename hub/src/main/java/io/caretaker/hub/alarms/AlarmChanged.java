package io.caretaker.hub.alarms;

import java.time.Instant;

/** Published after every change of an alarm has been stored: the alarm as it is now, what happened, by whom, when. */
public record AlarmChanged(Alarm alarm, AlarmAction action, String actor, Instant at) {
}
