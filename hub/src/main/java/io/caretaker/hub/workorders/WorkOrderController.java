package io.caretaker.hub.workorders;

import io.caretaker.deviceprofiles.site.Site;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/workorders[?status=]}: work orders, newest first, with their SLA due times. */
@RestController
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

    private WorkOrderJson json(WorkOrder w) {
        return new WorkOrderJson(w.id(), w.kind(), w.deviceId(), w.tier(), w.status(), w.title(), site.localTime(w.openedAt()),
                site.localTime(w.dispatchBy()), site.localTime(w.respondBy()), site.localTime(w.resolveBy()), w.alarmId());
    }

    record WorkOrderJson(long id, WorkOrderKind kind, String deviceId, Tier tier, WorkOrderStatus status, String title,
                         OffsetDateTime openedAt, OffsetDateTime dispatchBy, OffsetDateTime respondBy,
                         OffsetDateTime resolveBy, Long alarmId) {
    }
}
