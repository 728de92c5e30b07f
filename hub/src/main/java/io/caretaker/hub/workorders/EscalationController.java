package io.caretaker.hub.workorders;

import io.caretaker.deviceprofiles.site.Site;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/escalations[?workOrderId=]}: SLA clocks nearly or actually breached, newest first. */
@RestController
class EscalationController {

    private final SlaWatch watch;
    private final Site site;

    EscalationController(SlaWatch watch, Site site) {
        this.watch = watch;
        this.site = site;
    }

    @GetMapping("/api/escalations")
    List<EscalationJson> escalations(@RequestParam(required = false) Long workOrderId) {
        return watch.all(workOrderId).stream()
                .map(e -> new EscalationJson(e.id(), e.workOrderId(), e.clock(), e.level(), site.localTime(e.due()), site.localTime(e.raisedAt())))
                .toList();
    }

    record EscalationJson(long id, long workOrderId, Escalation.SlaClockName clock, Escalation.Level level, OffsetDateTime due,
                          OffsetDateTime raisedAt) {
    }
}
