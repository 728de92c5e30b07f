package io.caretaker.hub.workorders;

import java.time.Instant;

/** Published after a work order is opened, moves, or has its fault recur: what happened, by whom, when. */
public record WorkOrderChanged(String type, WorkOrder workOrder, String actor, Instant at) {
}
