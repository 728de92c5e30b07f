package io.caretaker.hub.workorders;

/** The engineering teams a work order can be dispatched to. */
public enum Trade {
    ELECTRICAL,
    HVAC,
    PLUMBING,
    FIRE,
    SECURITY
}
