package io.caretaker.hub.alarms;

/** What happened to an alarm: by its rule (raise, recur, clear), by design, or by an operator. */
public enum AlarmAction {
    RAISED,
    RECURRED,
    CLEARED,
    CHATTERING,
    SUPPRESSED,
    UNSUPPRESSED,
    ACKNOWLEDGED,
    SHELVED,
    UNSHELVED,
    SHELF_EXPIRED,
    REMOVED_FROM_SERVICE,
    RETURNED_TO_SERVICE;

    /** The rule found the fault present again: the events the alarm rate and chattering count. */
    public boolean isActivation() {
        return this == RAISED || this == RECURRED;
    }
}
