package io.caretaker.hub.console;

import io.caretaker.deviceprofiles.site.Site;
import io.caretaker.hub.utilisation.UtilisationReport;
import io.caretaker.hub.utilisation.UtilisationService;
import io.caretaker.hub.workorders.WorkOrder;
import io.caretaker.hub.workorders.WorkOrderKind;
import io.caretaker.hub.workorders.WorkOrderService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The engineers' utilisation review: run hours and duty cycle per device and day (charts drawn from
 * {@code GET /api/utilisation}), and the devices ranked most idle first with the idle-review work order open on each.
 */
@Controller
class UtilisationPage {

    private final UtilisationService utilisation;
    private final WorkOrderService workOrders;
    private final MessageSource messages;
    private final Site site;
    private final Clock clock;

    UtilisationPage(UtilisationService utilisation, WorkOrderService workOrders, MessageSource messages, Site site, Clock clock) {
        this.utilisation = utilisation;
        this.workOrders = workOrders;
        this.messages = messages;
        this.site = site;
        this.clock = clock;
    }

    /** From and to are local days, both included; by default the 7 days up to today. */
    @GetMapping("/console/utilisation")
    String utilisation(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Locale locale, Model model) {
        LocalDate end = to == null ? LocalDate.now(clock.withZone(site.timeZone())) : to;
        LocalDate start = from == null ? end.minusDays(6) : from;
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        if (end.isBefore(start)) {
            model.addAttribute("problem", messages.getMessage("window.reversed", new Object[] {start, end}, locale));
            return "utilisation";
        }
        UtilisationReport report = utilisation.report(start, end);
        Map<String, WorkOrder> reviews = workOrders.all(null).stream()
                .filter(w -> w.kind() == WorkOrderKind.IDLE_REVIEW && !w.status().isFinished())
                .collect(Collectors.toMap(WorkOrder::deviceId, w -> w, BinaryOperator.minBy(Comparator.comparing(WorkOrder::id))));
        model.addAttribute("ranking", report.ranking().stream()
                .map(r -> new RankedRow(r, site.deviceName(r.deviceId()), reviews.get(r.deviceId()))).toList());
        model.addAttribute("api", UriComponentsBuilder.fromPath("/api/utilisation").queryParam("from", start).queryParam("to", end).build().toUriString());
        return "utilisation";
    }

    /** One device of the ranking, with its name and the idle-review work order open on it, if any. */
    public record RankedRow(UtilisationReport.Ranked figures, String deviceName, WorkOrder review) {
    }
}
