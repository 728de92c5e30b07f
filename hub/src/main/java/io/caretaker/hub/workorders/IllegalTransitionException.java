package io.caretaker.hub.workorders;

/** A transition the work order's status does not allow, e.g. closing work that was never completed. */
public class IllegalTransitionException extends RuntimeException {

    public IllegalTransitionException(long workOrderId, Transition transition, WorkOrderStatus status) {
        super("work order " + workOrderId + " is " + status + "; '" + transition.pathName() + "' is allowed only from "
                + transition.from());
    }
}
