package io.caretaker.hub.console;

import io.caretaker.deviceprofiles.site.Site;
import io.caretaker.hub.workorders.Transition;
import io.caretaker.hub.workorders.WorkOrder;
import io.caretaker.hub.workorders.WorkOrderService;
import io.caretaker.hub.workorders.WorkOrderStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The service desk's view of the work orders: grouped by status, each with the SLA clock that runs now. */
@Component
class ServiceDesk {

    private final WorkOrderService workOrders;
    private final Site site;
    private final Clock clock;

    ServiceDesk(WorkOrderService workOrders, Site site, Clock clock) {
        this.workOrders = workOrders;
        this.site = site;
        this.clock = clock;
    }

    /**
     * Open work by status, in the procedure's order, most urgent clock first (to the minute, as the card shows it; the
     * worse tier first within a minute); finished work is left out.
     */
    Map<WorkOrderStatus, List<WorkOrderCard>> board(String building) {
        Map<WorkOrderStatus, List<WorkOrderCard>> columns = new LinkedHashMap<>();
        for (WorkOrderStatus status : WorkOrderStatus.values()) {
            if (!status.isFinished()) {
                columns.put(status, new java.util.ArrayList<>());
            }
        }
        workOrders.all(null).stream()
                .filter(w -> !w.status().isFinished())
                .filter(w -> building == null || building.isBlank() || (w.location() != null && building.equals(w.location().building())))
                .map(this::card)
                .sorted(Comparator.comparing((WorkOrderCard c) -> c.clock() == null ? Long.MAX_VALUE : c.clock().minutes())
                        .thenComparing(c -> c.workOrder().tier()))
                .forEach(c -> columns.get(c.workOrder().status()).add(c));
        return columns;
    }

    List<WorkOrderCard> ofDevice(String deviceId) {
        return workOrders.all(null).stream().filter(w -> deviceId.equals(w.deviceId())).map(this::card).toList();
    }

    List<WorkOrderCard> finished(int limit) {
        return workOrders.all(null).stream().filter(w -> w.status().isFinished()).limit(limit).map(this::card).toList();
    }

    WorkOrderCard card(WorkOrder w) {
        List<Transition> allowed = Arrays.stream(Transition.values()).filter(t -> t.allowedFrom(w.status())).toList();
        WorkOrderCard.SlaClockView running = clockOf(w);
        List<WorkOrderCard.Deadline> deadlines = new ArrayList<>();
        deadline(deadlines, "dispatch", w.dispatchBy(), running);
        deadline(deadlines, "respond", w.respondBy(), running);
        deadline(deadlines, "resolve", w.resolveBy(), running);
        deadline(deadlines, "follow-up", w.followUpBy(), running);
        return new WorkOrderCard(w, site.localTime(w.openedAt()), running, deadlines, allowed);
    }

    private void deadline(List<WorkOrderCard.Deadline> deadlines, String due, Instant at, WorkOrderCard.SlaClockView running) {
        if (at != null) {
            deadlines.add(new WorkOrderCard.Deadline(due, site.localTime(at), running != null && running.due().equals(due)));
        }
    }

    /** The due time that matters in this status: dispatch while open, respond until work starts, then resolve, then follow-up. */
    private WorkOrderCard.SlaClockView clockOf(WorkOrder w) {
        return switch (w.status()) {
            case OPEN -> view("dispatch", w.dispatchBy());
            case DISPATCHED -> view("respond", w.respondBy());
            case IN_PROGRESS -> view("resolve", w.resolveBy());
            case COMPLETED, CONFIRMED -> view("follow-up", w.followUpBy());
            default -> null;
        };
    }

    private WorkOrderCard.SlaClockView view(String due, Instant at) {
        if (at == null) {
            return null;
        }
        long minutes = Duration.between(clock.instant(), at).toMinutes();
        return new WorkOrderCard.SlaClockView(due, site.localTime(at), at.isBefore(clock.instant()), minutes);
    }
}
