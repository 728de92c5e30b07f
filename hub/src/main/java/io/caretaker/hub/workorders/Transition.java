package io.caretaker.hub.workorders;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The steps of the companies' repair procedure, each allowed only from certain statuses: dispatch, start, complete,
 * supervisor's confirm, follow-up call (回访; not satisfied reopens the work), close; cancel with a reason from any
 * status that is not finished.
 */
public enum Transition {
    DISPATCH(EnumSet.of(WorkOrderStatus.OPEN), WorkOrderStatus.DISPATCHED),
    START(EnumSet.of(WorkOrderStatus.DISPATCHED), WorkOrderStatus.IN_PROGRESS),
    COMPLETE(EnumSet.of(WorkOrderStatus.IN_PROGRESS), WorkOrderStatus.COMPLETED),
    CONFIRM(EnumSet.of(WorkOrderStatus.COMPLETED), WorkOrderStatus.CONFIRMED),
    FOLLOW_UP(EnumSet.of(WorkOrderStatus.CONFIRMED), WorkOrderStatus.FOLLOWED_UP),
    CLOSE(EnumSet.of(WorkOrderStatus.FOLLOWED_UP), WorkOrderStatus.CLOSED),
    CANCEL(EnumSet.of(WorkOrderStatus.OPEN, WorkOrderStatus.DISPATCHED, WorkOrderStatus.IN_PROGRESS), WorkOrderStatus.CANCELLED);

    private final Set<WorkOrderStatus> from;
    private final WorkOrderStatus to;

    Transition(Set<WorkOrderStatus> from, WorkOrderStatus to) {
        this.from = from;
        this.to = to;
    }

    public boolean allowedFrom(WorkOrderStatus status) {
        return from.contains(status);
    }

    public Set<WorkOrderStatus> from() {
        return from;
    }

    public WorkOrderStatus to() {
        return to;
    }

    /** As written in the URL: {@code dispatch}, {@code follow-up}. */
    public String pathName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Transition fromPath(String path) {
        for (Transition t : values()) {
            if (t.pathName().equals(path)) {
                return t;
            }
        }
        throw new IllegalArgumentException("no transition '" + path + "'; use one of "
                + java.util.Arrays.stream(values()).map(Transition::pathName).toList());
    }
}
