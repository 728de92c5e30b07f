package io.caretaker.hub.console;

import io.caretaker.deviceprofiles.site.Site;
import io.caretaker.hub.alarms.AlarmProperties;
import io.caretaker.hub.alarms.kpi.AlarmKpiService;
import io.caretaker.hub.alarms.kpi.AlarmKpis;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The alarm-system KPIs of ISA-18.2 for the people who run the alarm system: the figures against the standard's
 * targets, the bad actors, chattering and stale alarms and the priority distribution, and the alarm rate per 10
 * minutes (a chart drawn from {@code GET /api/kpis/alarms}).
 */
@Controller
class AlarmKpiPage {

    private final AlarmKpiService kpis;
    private final Duration maxWindow;
    private final MessageSource messages;
    private final Site site;
    private final Clock clock;

    AlarmKpiPage(AlarmKpiService kpis, AlarmProperties properties, MessageSource messages, Site site, Clock clock) {
        this.kpis = kpis;
        this.maxWindow = properties.kpi().maxWindow();
        this.messages = messages;
        this.site = site;
        this.clock = clock;
    }

    /** From and to are the site's local date-times; by default the 24 hours up to now (the form shows them to the minute). */
    @GetMapping("/console/kpis")
    String kpis(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime to, Locale locale, Model model) {
        LocalDateTime end = to == null ? LocalDateTime.now(clock.withZone(site.timeZone())) : to;
        LocalDateTime start = from == null ? end.minusHours(24) : from;
        model.addAttribute("from", start.truncatedTo(ChronoUnit.MINUTES));
        model.addAttribute("to", end.truncatedTo(ChronoUnit.MINUTES));
        Duration window = Duration.between(start, end);
        if (window.isNegative() || window.isZero()) {
            model.addAttribute("problem", messages.getMessage("window.reversed", new Object[] {start, end}, locale));
            return "kpis";
        }
        if (window.compareTo(maxWindow) > 0) {
            model.addAttribute("problem", messages.getMessage("kpis.window.tooLong",
                    new Object[] {String.format(locale, "%.1f", window.toMinutes() / 1440.0), maxWindow.toDays()}, locale));
            return "kpis";
        }
        AlarmKpis k = kpis.over(start.atZone(site.timeZone()).toInstant(), end.atZone(site.timeZone()).toInstant());
        model.addAttribute("kpis", k);
        model.addAttribute("badActorsShare", k.topBadActors().stream().mapToDouble(AlarmKpis.BadActor::percent).sum());
        model.addAttribute("stale", k.stale().stream()
                .map(s -> new StaleRow(s, site.deviceName(s.deviceId()), site.localTime(s.activeSince()), hours(s.activeFor()))).toList());
        model.addAttribute("site", site);
        model.addAttribute("api", UriComponentsBuilder.fromPath("/api/kpis/alarms").queryParam("from", start).queryParam("to", end).build().toUriString());
        return "kpis";
    }

    private static double hours(Duration d) {
        return d.toMinutes() / 60.0;
    }

    /** A stale alarm with its device's name, when it became active (site time) and for how many hours. */
    public record StaleRow(AlarmKpis.Stale alarm, String deviceName, OffsetDateTime activeSince, double activeHours) {
    }
}
