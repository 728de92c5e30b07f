package io.caretaker.hub.console;

import io.caretaker.hub.workorders.Transition;
import io.caretaker.hub.workorders.WorkOrder;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One work order on the service desk's board: its times in the site's zone, the SLA clock that runs now (the next
 * due time for its status), every due time it was given, and the transitions its status allows.
 */
public record WorkOrderCard(WorkOrder workOrder, OffsetDateTime openedAt, SlaClockView clock, List<Deadline> deadlines,
                            List<Transition> transitions) {

    public long id() {
        return workOrder.id();
    }

    /** Building · floor · room, as far as known. */
    public String where() {
        WorkOrder.Location l = workOrder.location();
        return l == null ? "" : java.util.stream.Stream.of(l.building(), l.floor(), l.room())
                .filter(p -> p != null && !p.isBlank()).collect(java.util.stream.Collectors.joining(" · "));
    }

    /** One due time of the work order ({@code dispatch}, {@code respond}, {@code resolve}, {@code follow-up}), and whether its clock runs now. */
    public record Deadline(String due, OffsetDateTime at, boolean running) {
    }

    /** The SLA clock running now: which due time ({@code dispatch}, {@code respond}, {@code resolve}, {@code follow-up}). */
    public record SlaClockView(String due, OffsetDateTime dueAt, boolean overdue, long minutes) {

        /** How long until due, or how long overdue: days and hours from a day on, else hours and minutes. */
        public Span remaining() {
            long m = Math.abs(minutes);
            if (m >= 24 * 60) {
                return new Span("span.days", m / (24 * 60), (m % (24 * 60)) / 60);
            }
            return new Span("span.hours", m / 60, m % 60);
        }
    }

    /** A length of time as the reader's language writes it: the message key ("2h 05m", "2小时05分"; "3d 4h", "3天4小时") and its two figures. */
    public record Span(String key, long whole, long part) {
    }
}
