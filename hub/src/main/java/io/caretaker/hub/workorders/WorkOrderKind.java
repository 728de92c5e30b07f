package io.caretaker.hub.workorders;

/** Why a work order exists: a fault, a maintenance plan, an idle finding, or a person's repair request (报修). */
public enum WorkOrderKind {
    CORRECTIVE,
    PREVENTIVE,
    IDLE_REVIEW,
    REQUEST
}
