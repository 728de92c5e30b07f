package io.caretaker.hub.alarms;

/** An operator action the alarm's state does not allow (acknowledging an acknowledged alarm, shelving a LIFE_SAFETY one). */
public class IllegalAlarmActionException extends RuntimeException {

    public IllegalAlarmActionException(String message) {
        super(message);
    }
}
