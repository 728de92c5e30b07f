package io.caretaker.hub.alarms;

/** The ISA-18.2 alarm states a Caretaker alarm moves through. */
public enum AlarmState {
    ACTIVE_UNACKED,
    ACTIVE_ACKED,
    RETURNED_UNACKED,
    NORMAL;

    public boolean isActive() {
        return this == ACTIVE_UNACKED || this == ACTIVE_ACKED;
    }
}
