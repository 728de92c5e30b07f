package io.caretaker.hub.workorders;

import java.time.Instant;

/** A work order's SLA clock nearly run out, or run out: raised once per work order, clock and level. */
public record Escalation(long id, long workOrderId, SlaClockName clock, Level level, Instant due, Instant raisedAt) {

    /** How bad: most of the allowance is used, or all of it. */
    public enum Level {
        NEAR_BREACH,
        BREACHED
    }

    /** Which promise: dispatch, respond (work started), resolve (work completed), follow-up call. */
    public enum SlaClockName {
        DISPATCH,
        RESPOND,
        RESOLVE,
        FOLLOW_UP
    }
}
