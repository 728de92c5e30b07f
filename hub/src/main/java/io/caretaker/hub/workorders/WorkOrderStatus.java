package io.caretaker.hub.workorders;

/** Where a work order is in the companies' repair procedure, from opened to closed. */
public enum WorkOrderStatus {
    OPEN,
    DISPATCHED,
    IN_PROGRESS,
    COMPLETED,
    CONFIRMED,
    FOLLOWED_UP,
    CLOSED,
    CANCELLED;

    /** Closed and cancelled work is finished; everything else is open work (backlog). */
    public boolean isFinished() {
        return this == CLOSED || this == CANCELLED;
    }
}
