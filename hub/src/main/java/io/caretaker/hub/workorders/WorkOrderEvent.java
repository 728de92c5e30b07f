package io.caretaker.hub.workorders;

import java.time.Instant;

/** One audited step of a work order: which transition, by whom, when, from and to which status, with its details. */
public record WorkOrderEvent(long id, long workOrderId, String transition, WorkOrderStatus from, WorkOrderStatus to,
                             String actor, Instant at, String details) {
}
