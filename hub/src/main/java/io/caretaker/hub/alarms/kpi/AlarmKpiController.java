package io.caretaker.hub.alarms.kpi;

import io.caretaker.deviceprofiles.Severity;
import io.caretaker.deviceprofiles.site.Site;
import io.caretaker.hub.system.problems.BadRequestTitle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/kpis/alarms[?from=&to=]} (ISO date-times, e.g. 2026-11-23T08:00 in the site's time zone or with an
 * offset): the alarm-system KPIs of the window, by default the 24 hours up to now. Times are the site's local time,
 * durations in minutes.
 */
@RestController
@BadRequestTitle("Invalid KPI window")
class AlarmKpiController {

    private static final Duration DEFAULT_WINDOW = Duration.ofHours(24);

    private final AlarmKpiService kpis;
    private final Site site;
    private final Clock clock;

    AlarmKpiController(AlarmKpiService kpis, Site site, Clock clock) {
        this.kpis = kpis;
        this.site = site;
        this.clock = clock;
    }

    @GetMapping("/api/kpis/alarms")
    KpisJson alarms(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        Instant end = to == null ? clock.instant() : instant("to", to);
        Instant start = from == null ? end.minus(DEFAULT_WINDOW) : instant("from", from);
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("'to' (" + site.localTime(end) + ") is not after 'from' (" + site.localTime(start)
                    + ", both in the site's time); give a 'to' later than 'from'");
        }
        AlarmKpis k = kpis.over(start, end);
        return new KpisJson(site.localTime(k.from()), site.localTime(k.to()), k.annunciated(), k.activations(),
                k.perTenMinutes().stream().map(i -> new IntervalJson(site.localTime(i.start()), i.length().toMinutes(), i.alarms(), i.flood())).toList(),
                k.averagePerTenMinutes(), k.peakPerTenMinutes(), k.floodAt(), k.intervalsInFlood(), k.percentTimeInFlood(), k.chattering(),
                k.stale().stream().map(s -> new StaleJson(s.alarmId(), s.deviceId(), s.ruleId(), s.severity(), site.localTime(s.activeSince()),
                        s.activeFor().toMinutes(), s.stillActive())).toList(),
                k.topBadActors(), k.priorities());
    }

    /** An ISO date-time with offset, or without one in the site's time zone; a '+' decoded to a space is taken back. */
    private Instant instant(String name, String text) {
        String value = text.strip().replace(' ', '+');
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(value).atZone(site.timeZone()).toInstant();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + name + "' is not a date-time: '" + text + "'; give e.g. 2026-11-23T08:00 (site time) "
                        + "or 2026-11-23T08:00:00%2B08:00");
            }
        }
    }


    record KpisJson(OffsetDateTime from, OffsetDateTime to, int annunciated, int activations, List<IntervalJson> perTenMinutes,
                    double averagePerTenMinutes, int peakPerTenMinutes, int floodAt, int intervalsInFlood, double percentTimeInFlood,
                    List<AlarmKpis.Chattering> chattering, List<StaleJson> stale, List<AlarmKpis.BadActor> topBadActors,
                    List<AlarmKpis.PriorityShare> priorities) {
    }

    record IntervalJson(OffsetDateTime start, long minutes, int alarms, boolean flood) {
    }

    record StaleJson(long alarmId, String deviceId, String ruleId, Severity severity, OffsetDateTime activeSince, long activeMinutes,
                     boolean stillActive) {
    }
}
