package io.caretaker.hub.console;

import io.caretaker.deviceprofiles.FaultRule;
import io.caretaker.deviceprofiles.ProfileCatalog;
import io.caretaker.deviceprofiles.site.Site;
import io.caretaker.hub.alarms.AlarmEvent;
import io.caretaker.hub.alarms.AlarmService;
import io.caretaker.hub.alarms.AlarmState;
import io.caretaker.hub.workorders.WorkOrderService;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The control room: the live alarm board ({@code /console/alarms}) and an alarm's detail. */
@Controller
class AlarmPages {

    private final AlarmBoard board;
    private final WorkOrderService workOrders;
    private final Site site;
    private final ProfileCatalog profiles;
    private final ConsoleProperties console;
    private final ServiceDesk desk;
    private final AlarmService alarms;

    AlarmPages(AlarmBoard board, WorkOrderService workOrders, Site site, ProfileCatalog profiles,
               ConsoleProperties console, ServiceDesk desk, AlarmService alarms) {
        this.board = board;
        this.workOrders = workOrders;
        this.site = site;
        this.profiles = profiles;
        this.console = console;
        this.desk = desk;
        this.alarms = alarms;
    }

    @GetMapping("/console/alarms")
    String page(AlarmBoard.Filter filter, Model model) {
        model.addAttribute("filter", filter);
        model.addAttribute("buildings", board.buildings());
        model.addAttribute("families", board.families());
        model.addAttribute("states", states());
        model.addAttribute("board", board.snapshot(filter));
        model.addAttribute("refreshSeconds", console.refreshEvery().toSeconds());
        return "alarms";
    }

    @GetMapping("/console/alarms/board")
    String boardFragment(AlarmBoard.Filter filter, Model model) {
        model.addAttribute("filter", filter);
        model.addAttribute("board", board.snapshot(filter));
        return "alarms :: board";
    }

    @GetMapping("/console/alarms/{id}")
    String detail(@PathVariable long id, Model model) {
        AlarmRow alarm = board.find(id).orElseThrow(() -> new ConsoleProblems.NotFound("problem.noAlarm", id));
        model.addAttribute("alarm", alarm);
        model.addAttribute("events", alarms.history(id).stream().map(e -> new EventRow(e,
                site.localTime(e.at()).toString().replace('T', ' ').substring(0, 19))).toList());
        model.addAttribute("point", trendPoint(alarm));
        model.addAttribute("workOrder", alarm.alarm().workOrderId() == null ? null
                : workOrders.find(alarm.alarm().workOrderId()).map(desk::card).orElse(null));
        return "alarm";
    }

    /** The point whose trend explains the alarm: a threshold rule's point; none for a no-data rule. */
    private String trendPoint(AlarmRow alarm) {
        return site.device(alarm.alarm().deviceId())
                .map(d -> profiles.get(d.profile()))
                .flatMap(p -> p.rules().stream().filter(r -> r.id().equals(alarm.alarm().ruleId())).findFirst())
                .filter(FaultRule.Threshold.class::isInstance)
                .map(r -> ((FaultRule.Threshold) r).point())
                .orElse(null);
    }

    private static List<String> states() {
        List<String> states = new ArrayList<>(List.of("OPEN", "ALL"));
        for (AlarmState s : AlarmState.values()) {
            states.add(s.name());
        }
        states.add("SUPPRESSED");
        states.add("SHELVED");
        states.add("OUT_OF_SERVICE");
        return states;
    }

    /** One step of the alarm's audit trail, for the page. */
    public record EventRow(AlarmEvent event, String at) {
    }
}
