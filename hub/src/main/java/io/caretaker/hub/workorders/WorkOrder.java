package io.caretaker.hub.workorders;

import java.time.Instant;

/** A piece of accountable work with its SLA due times: dispatch, respond and resolve by. */
public record WorkOrder(long id, WorkOrderKind kind, String deviceId, Tier tier, WorkOrderStatus status, String title,
                        Instant openedAt, Instant dispatchBy, Instant respondBy, Instant resolveBy, Long alarmId) {
}
