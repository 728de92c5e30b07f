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
    CANCELLED
}
