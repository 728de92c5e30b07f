package io.caretaker.hub.console;

import io.caretaker.deviceprofiles.site.Site;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A work order step's details as its audit line records them ({@code alarm=5}, {@code trade=HVAC; assignee=li.wei},
 * {@code plan=belts due=2026-12-01T01:00:00Z}, {@code urgent}), read back as named values the page can put in words.
 */
final class StepDetails {

    /** One value of a step: its name as recorded ({@code trade}, {@code notes}…), and the value, if it has one. */
    record Detail(String name, String value) {
    }

    // a new value starts at "; name=" for a known name (so a note with "; " in it stays whole), or at " due=" after a plan
    private static final Pattern NEXT = Pattern.compile(
            "; (?=(?:alarm|finding|plan|due|trade|assignee|notes|parts|minutesSpent|satisfied|reason)=)| (?=due=)");

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private StepDetails() {
    }

    static List<Detail> read(String details, Site site) {
        List<Detail> read = new ArrayList<>();
        if (details == null || details.isBlank()) {
            return read;
        }
        for (String part : NEXT.split(details)) {
            int equals = part.indexOf('=');
            if (equals < 0) {
                read.add(new Detail(part.strip(), null));
                continue;
            }
            String name = part.substring(0, equals);
            String value = part.substring(equals + 1);
            if (name.equals("due")) {
                if (value.equals("null")) {
                    continue;   // a plan counted in run hours or starts has no date
                }
                value = inSiteTime(value, site);
            }
            read.add(new Detail(name, value));
        }
        return read;
    }

    private static String inSiteTime(String instant, Site site) {
        try {
            return MINUTE.format(site.localTime(Instant.parse(instant)));
        } catch (DateTimeParseException notAnInstant) {
            return instant;
        }
    }
}
