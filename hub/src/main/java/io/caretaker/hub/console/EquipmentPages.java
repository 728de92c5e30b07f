package io.caretaker.hub.console;

import io.caretaker.deviceprofiles.Point;
import io.caretaker.deviceprofiles.PointKind;
import io.caretaker.deviceprofiles.Severity;
import io.caretaker.deviceprofiles.canonical.PointSample;
import io.caretaker.deviceprofiles.canonical.Quality;
import io.caretaker.deviceprofiles.canonical.Value;
import io.caretaker.deviceprofiles.site.Site;
import io.caretaker.hub.devices.DeviceBoard;
import io.caretaker.hub.devices.DeviceStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The engineers' pages: the equipment list with status and health, and a page per device (zoomable point trends,
 * alarm history, work orders).
 */
@Controller
class EquipmentPages {

    private final DeviceBoard devices;
    private final AlarmBoard alarms;
    private final ServiceDesk desk;
    private final Site site;
    private final Clock clock;

    EquipmentPages(DeviceBoard devices, AlarmBoard alarms, ServiceDesk desk, Site site, Clock clock) {
        this.devices = devices;
        this.alarms = alarms;
        this.desk = desk;
        this.site = site;
        this.clock = clock;
    }

    /**
     * Every device of the site, or those of one building or family; {@code health=attention} keeps those with an
     * active alarm or offline.
     */
    @GetMapping("/console/equipment")
    String list(@RequestParam(required = false) String building, @RequestParam(required = false) String family,
                @RequestParam(required = false) String health, Model model) {
        Instant now = clock.instant();
        Map<String, List<AlarmRow>> active = alarms.snapshot(new AlarmBoard.Filter(null, null, "OPEN")).alarms().stream()
                .filter(r -> r.state().isActive() && !r.alarm().suppressed())
                .collect(Collectors.groupingBy(r -> r.alarm().deviceId()));
        List<Equipment> rows = devices.all(now).stream().map(v -> {
            List<AlarmRow> own = active.getOrDefault(v.device().id(), List.of());
            Severity worst = own.stream().map(AlarmRow::severity).min(Comparator.naturalOrder()).orElse(null);
            String state = v.status() == DeviceStatus.OFFLINE ? "OFFLINE" : worst == null ? "OK" : worst.name();
            long openWork = desk.ofDevice(v.device().id()).stream().filter(c -> !c.workOrder().status().isFinished()).count();
            return new Equipment(v, site.localTime(v.lastSeen()), state, own.size(), openWork);
        }).filter(e -> blank(building) || building.equals(e.view().device().building()))
                .filter(e -> blank(family) || family.equals(e.view().profile().family().wireName()))
                .filter(e -> !"attention".equals(health) || !e.health().equals("OK"))
                .toList();
        model.addAttribute("equipment", rows);
        model.addAttribute("filter", new EquipmentFilter(building, family, health));
        model.addAttribute("buildings", alarms.buildings());
        model.addAttribute("families", alarms.families());
        return "equipment";
    }

    @GetMapping("/console/equipment/{deviceId}")
    String device(@PathVariable String deviceId, Model model) {
        DeviceBoard.DeviceView view = devices.find(deviceId, clock.instant())
                .orElseThrow(() -> new ConsoleProblems.NotFound("problem.noDevice", deviceId));
        model.addAttribute("device", view);
        model.addAttribute("lastSeen", site.localTime(view.lastSeen()));
        model.addAttribute("points", view.profile().points().stream().map(p -> row(p, view.latest().get(p.id()))).toList());
        model.addAttribute("trendPoints", view.profile().points().stream().filter(p -> p.kind() != PointKind.TEXT).map(Point::id).toList());
        model.addAttribute("alarms", alarms.ofDevice(deviceId));
        model.addAttribute("workOrders", desk.ofDevice(deviceId));
        return "device";
    }

    private static PointRow row(Point point, PointSample sample) {
        if (sample == null) {
            return new PointRow(point, "—", null, null);
        }
        String quality = sample.quality() == Quality.GOOD ? null : sample.quality().name();
        if (sample.value() instanceof Value.Number n) {
            String number = n.value() == Math.rint(n.value()) && Math.abs(n.value()) < 1e15 ? String.valueOf((long) n.value()) : String.format("%.2f", n.value());
            return new PointRow(point, number, null, quality);
        }
        if (sample.value() instanceof Value.Bool b) {
            return new PointRow(point, null, b.value(), quality);
        }
        return new PointRow(point, sample.value() instanceof Value.Text t ? t.value() : "—", null, quality);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** The list's filters as asked: a building, a family, {@code attention}; blank or null for all. */
    public record EquipmentFilter(String building, String family, String health) {
    }

    /** One device in the list. */
    public record Equipment(DeviceBoard.DeviceView view, OffsetDateTime lastSeen, String health, int activeAlarms, long openWorkOrders) {
    }

    /**
     * One point with its latest value: a number or text as shown, or a yes/no the page words in the reader's language;
     * the sample's quality when it is not GOOD.
     */
    public record PointRow(Point point, String latest, Boolean yes, String quality) {
    }
}
