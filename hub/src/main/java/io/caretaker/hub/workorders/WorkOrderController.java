package io.caretaker.hub.workorders;

import io.caretaker.deviceprofiles.site.Site;
import io.caretaker.hub.system.problems.BadRequestTitle;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Work orders: {@code GET /api/workorders[?status=]}, {@code GET /api/workorders/{id}} with its audit trail,
 * {@code POST /api/workorders} (a repair request) and {@code POST /api/workorders/{id}/{transition}}. Refusals are
 * RFC 9457 problem details ({@link io.caretaker.hub.system.problems.ApiProblems}): 404 unknown work order, 409 a
 * transition its status does not allow, 400 a missing field.
 */
@RestController
@BadRequestTitle("Invalid work order request")
@RequestMapping("/api/workorders")
class WorkOrderController {

    private final WorkOrderService workOrders;
    private final Site site;

    WorkOrderController(WorkOrderService workOrders, Site site) {
        this.workOrders = workOrders;
        this.site = site;
    }

    @GetMapping
    List<WorkOrderJson> workOrders(@RequestParam(required = false) WorkOrderStatus status) {
        return workOrders.all(status).stream().map(this::json).toList();
    }

    @GetMapping("/{id}")
    WorkOrderDetail workOrder(@PathVariable long id) {
        WorkOrder workOrder = workOrders.find(id).orElseThrow(() -> new WorkOrderService.NoSuchWorkOrderException(id));
        List<EventJson> events = workOrders.history(id).stream()
                .map(e -> new EventJson(e.transition(), e.from(), e.to(), e.actor(), site.localTime(e.at()), e.details()))
                .toList();
        return new WorkOrderDetail(json(workOrder), events);
    }

    @PostMapping
    ResponseEntity<WorkOrderJson> repairRequest(@RequestBody RepairRequest request) {
        WorkOrder created = workOrders.openRequest(request);
        return ResponseEntity.created(URI.create("/api/workorders/" + created.id())).body(json(created));
    }

    @PostMapping("/{id}/{transition}")
    WorkOrderJson transition(@PathVariable long id, @PathVariable String transition, @RequestBody TransitionRequest request) {
        return json(workOrders.apply(id, Transition.fromPath(transition), request));
    }

    private WorkOrderJson json(WorkOrder w) {
        return new WorkOrderJson(w.id(), w.kind(), w.deviceId(), w.tier(), w.status(), w.title(), site.localTime(w.openedAt()),
                site.localTime(w.dispatchBy()), site.localTime(w.respondBy()), site.localTime(w.resolveBy()), w.alarmId(),
                w.ruleId(), w.description(), w.location(), w.contact(), w.trade(), w.assignee(), site.localTime(w.completedAt()),
                site.localTime(w.followUpBy()), w.satisfied(), w.occurrences(), w.reopened(), w.repeatOf());
    }

    record WorkOrderJson(long id, WorkOrderKind kind, String deviceId, Tier tier, WorkOrderStatus status, String title,
                         OffsetDateTime openedAt, OffsetDateTime dispatchBy, OffsetDateTime respondBy,
                         OffsetDateTime resolveBy, Long alarmId, String ruleId, String description, WorkOrder.Location location,
                         WorkOrder.Contact contact, Trade trade, String assignee, OffsetDateTime completedAt,
                         OffsetDateTime followUpBy, Boolean satisfied, int occurrences, int reopened, Long repeatOf) {
    }

    record EventJson(String transition, WorkOrderStatus from, WorkOrderStatus to, String actor, OffsetDateTime at, String details) {
    }

    record WorkOrderDetail(WorkOrderJson workOrder, List<EventJson> events) {
    }
}
