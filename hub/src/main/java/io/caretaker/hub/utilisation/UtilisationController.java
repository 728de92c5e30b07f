package io.caretaker.hub.utilisation;

import io.caretaker.hub.system.problems.BadRequestTitle;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/utilisation?from=2026-11-01&to=2026-11-07}: per device per day, and the idle ranking; default the last 7 days. */
@RestController
@RequestMapping("/api/utilisation")
@BadRequestTitle("Bad utilisation query")
class UtilisationController {

    private final UtilisationService utilisation;
    private final Clock clock;
    private final ZoneId zone;

    UtilisationController(UtilisationService utilisation, Clock clock, io.caretaker.hub.calendar.WorkingCalendar calendar) {
        this.utilisation = utilisation;
        this.clock = clock;
        this.zone = calendar.zone();
    }

    @GetMapping
    UtilisationReport report(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        LocalDate end = to == null ? today : date("to", to);
        LocalDate start = from == null ? end.minusDays(6) : date("from", from);
        return utilisation.report(start, end);
    }

    private static LocalDate date(String name, String text) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + "=" + text + " is not a date; write it as 2026-11-28 (the site's local day)");
        }
    }

}
