package io.caretaker.hub.workorders;

import io.caretaker.deviceprofiles.Durations;
import io.caretaker.hub.calendar.WorkingCalendar;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One SLA clock's allowance: clock time ({@code 2h}, {@code 0s} for "at once"; the control room works around the
 * clock) or working days ({@code 3wd}, on the site's calendar).
 */
public record SlaTarget(Duration clockTime, int workingDays) {

    private static final Pattern WORKING_DAYS = Pattern.compile("(\\d+)\\s*wd");

    public static SlaTarget parse(String text) {
        Matcher m = WORKING_DAYS.matcher(text.trim());
        if (m.matches()) {
            return new SlaTarget(Duration.ZERO, Integer.parseInt(m.group(1)));
        }
        try {
            return new SlaTarget(Durations.parse(text), 0);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not an SLA target; write clock time such as 2h or 0s, or working days such as 3wd");
        }
    }

    public Instant dueFrom(Instant start, WorkingCalendar calendar) {
        return workingDays > 0 ? calendar.plusWorkingDays(start, workingDays) : start.plus(clockTime);
    }
}
