package io.caretaker.hub.workorders;

import java.time.Instant;

/**
 * A piece of accountable work: what, where, for whom, to which team or technician, its SLA due times, and where it
 * is in the repair procedure. {@code repeatOf} names the closed work order whose repair this fault undid.
 */
public record WorkOrder(long id, WorkOrderKind kind, String deviceId, String ruleId, Tier tier, WorkOrderStatus status,
                        String title, String description, Location location, Contact contact, Trade trade, String assignee,
                        Instant openedAt, Instant dispatchBy, Instant respondBy, Instant resolveBy,
                        Instant completedAt, Instant followUpBy, Boolean satisfied, int occurrences, int reopened, Long alarmId,
                        Long repeatOf) {

    /** Where the work is. */
    public record Location(String building, String floor, String room) {
    }

    /** Who asked for it (a repair request's caller), to be called back. */
    public record Contact(String name, String phone) {
    }
}
