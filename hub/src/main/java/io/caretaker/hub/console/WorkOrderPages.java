package io.caretaker.hub.console;

import io.caretaker.deviceprofiles.site.Site;
import io.caretaker.hub.workorders.IllegalTransitionException;
import io.caretaker.hub.workorders.RepairRequest;
import io.caretaker.hub.workorders.Tier;
import io.caretaker.hub.workorders.Trade;
import io.caretaker.hub.workorders.Transition;
import io.caretaker.hub.workorders.TransitionRequest;
import io.caretaker.hub.workorders.WorkOrder;
import io.caretaker.hub.workorders.WorkOrderService;
import io.caretaker.hub.workorders.WorkOrderStatus;
import io.caretaker.hub.system.security.Permissions;
import java.security.Principal;
import java.time.Clock;
import java.time.temporal.IsoFields;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The service desk: the work-order board with SLA clocks, a work order with its steps and the forms for its next
 * transitions, and the repair-request form. Whoever is logged in is the actor of what they do.
 */
@Controller
class WorkOrderPages {

    private final ServiceDesk desk;
    private final WorkOrderService workOrders;
    private final AlarmBoard alarms;
    private final Site site;
    private final Clock clock;
    private final ConsoleProperties console;

    WorkOrderPages(ServiceDesk desk, WorkOrderService workOrders, AlarmBoard alarms, Site site, Clock clock, ConsoleProperties console) {
        this.desk = desk;
        this.workOrders = workOrders;
        this.alarms = alarms;
        this.site = site;
        this.clock = clock;
        this.console = console;
    }

    @GetMapping("/console/workorders")
    String page(@RequestParam(required = false) String building, Model model) {
        model.addAttribute("building", building);
        model.addAttribute("buildings", alarms.buildings());
        model.addAttribute("columns", desk.board(building));
        model.addAttribute("finished", desk.finished(20));
        model.addAttribute("tiers", Tier.values());
        var today = clock.instant().atZone(site.timeZone());
        model.addAttribute("week", "%d-W%02d".formatted(today.get(IsoFields.WEEK_BASED_YEAR), today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
        model.addAttribute("refreshSeconds", console.refreshEvery().toSeconds());
        return "workorders";
    }

    @GetMapping("/console/workorders/board")
    String board(@RequestParam(required = false) String building, Model model) {
        model.addAttribute("columns", desk.board(building));
        return "workorders :: board";
    }

    @GetMapping("/console/workorders/{id}")
    String detail(@PathVariable long id, Authentication user, Model model) {
        WorkOrder workOrder = workOrders.find(id).orElseThrow(() -> new ConsoleProblems.NotFound("problem.noWorkOrder", id));
        WorkOrderCard card = desk.card(workOrder);
        model.addAttribute("card", card);
        model.addAttribute("deviceName", workOrder.deviceId() == null ? null : site.deviceName(workOrder.deviceId()));
        // only the steps this user may take are offered; the security filter refuses the others anyway
        model.addAttribute("mayDo", card.transitions().stream()
                .filter(t -> Permissions.anyOf(user.getAuthorities(), Permissions.mayApply(t))).toList());
        model.addAttribute("steps", workOrders.history(id).stream().map(e -> new Step(e.transition(), e.from(), e.to(), e.actor(),
                site.localTime(e.at()).toString().replace('T', ' '), StepDetails.read(e.details(), site))).toList());
        model.addAttribute("alarm", workOrder.alarmId() == null ? null : alarms.find(workOrder.alarmId()).orElse(null));
        model.addAttribute("trades", Trade.values());
        return "workorder";
    }

    @PostMapping("/console/workorders")
    String repairRequest(RepairForm form, Principal user, RedirectAttributes redirect) {
        try {
            WorkOrder created = workOrders.openRequest(new RepairRequest(form.title(), form.description(), form.building(), form.floor(),
                    form.room(), form.contactName(), form.contactPhone(), form.tier(), form.urgent(), blankToNull(form.deviceId()),
                    user.getName()));
            return "redirect:/console/workorders/" + created.id();
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            redirect.addFlashAttribute("request", form);
            return "redirect:/console/workorders#repair-request";
        }
    }

    @PostMapping("/console/workorders/{id}/{transition}")
    String transition(@PathVariable long id, @PathVariable String transition, TransitionForm form, Principal user,
                      RedirectAttributes redirect) {
        try {
            workOrders.apply(id, Transition.fromPath(transition), new TransitionRequest(user.getName(), form.trade(),
                    blankToNull(form.assignee()), blankToNull(form.notes()), blankToNull(form.parts()), form.minutesSpent(),
                    form.satisfied(), blankToNull(form.reason())));
        } catch (IllegalTransitionException | IllegalArgumentException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        } catch (WorkOrderService.NoSuchWorkOrderException e) {
            throw new ConsoleProblems.NotFound("problem.noWorkOrder", id);
        }
        return "redirect:/console/workorders/" + id;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    /** The repair-request form (报修). */
    public record RepairForm(String title, String description, String building, String floor, String room, String contactName,
                      String contactPhone, Tier tier, Boolean urgent, String deviceId) {
    }

    /** What a transition's form sends; which fields it needs depends on the transition. */
    public record TransitionForm(Trade trade, String assignee, String notes, String parts, Integer minutesSpent, Boolean satisfied,
                          String reason) {
    }

    /** One audited step, for the page. */
    public record Step(String transition, WorkOrderStatus from, WorkOrderStatus to, String actor, String at, List<StepDetails.Detail> details) {
    }
}
