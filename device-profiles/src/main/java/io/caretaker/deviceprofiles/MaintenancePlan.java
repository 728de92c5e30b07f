package io.caretaker.deviceprofiles;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Duration;
import java.time.Period;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Preventive maintenance a device type needs, declared in its profile: every so many days or months, run hours, or
 * counts (starts, or a counter point), each opening a PREVENTIVE work order a lead time before it is due.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = MaintenancePlan.Calendar.class, name = "calendar"),
        @JsonSubTypes.Type(value = MaintenancePlan.RunHours.class, name = "run-hours"),
        @JsonSubTypes.Type(value = MaintenancePlan.Count.class, name = "count")
})
public sealed interface MaintenancePlan {

    /** The count plans' point that counts starts as utilisation sees them, rather than a counter point of the device. */
    String STARTS = "starts";

    String id();

    /** What to do: the work order's title. */
    String task();

    /** The work order's tier; MINOR when left out. */
    Severity severity();

    /** Every {@code every} (90d, 2w, 3mo, 1y) of the calendar; the work order opens {@code lead} before. */
    record Calendar(String id, String task, String every, Duration lead, Severity severity) implements MaintenancePlan {

        private static final Pattern EVERY = Pattern.compile("([1-9][0-9]*)(d|w|mo|y)");

        public Calendar {
            lead = lead == null ? Duration.ZERO : lead;
            severity = severity == null ? Severity.MINOR : severity;
        }

        public Period period() {
            Matcher m = EVERY.matcher(every == null ? "" : every.trim());
            if (!m.matches()) {
                throw new IllegalArgumentException("maintenance plan '" + id + "': every '" + every + "' is not a period; write 90d, 2w, 3mo or 1y");
            }
            int n = Integer.parseInt(m.group(1));
            return switch (m.group(2)) {
                case "d" -> Period.ofDays(n);
                case "w" -> Period.ofWeeks(n);
                case "mo" -> Period.ofMonths(n);
                default -> Period.ofYears(n);
            };
        }
    }

    /** Every {@code every} hours of running, as utilisation counts them; the work order opens {@code lead} run hours before. */
    record RunHours(String id, String task, double every, double lead, Severity severity) implements MaintenancePlan {

        public RunHours {
            severity = severity == null ? Severity.MINOR : severity;
        }
    }

    /**
     * Every {@code every} counts of {@code point}: a counter point of the profile (cycles, strokes, kWh), or
     * {@code starts}; the work order opens {@code lead} counts before.
     */
    record Count(String id, String task, String point, double every, double lead, Severity severity) implements MaintenancePlan {

        public Count {
            severity = severity == null ? Severity.MINOR : severity;
        }

        public boolean countsStarts() {
            return STARTS.equals(point);
        }
    }
}
