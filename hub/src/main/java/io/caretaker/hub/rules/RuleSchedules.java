package io.caretaker.hub.rules;

import io.caretaker.deviceprofiles.FaultRule;
import io.caretaker.hub.calendar.WorkingCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * Whether a rule's schedule is open at an instant, in the site's time zone and on its working calendar: the same
 * calendar SLA due times count on (the site file's weekend and holidays plus {@code caretaker.calendar.file}).
 */
final class RuleSchedules {

    private final ZoneId zone;
    private final WorkingCalendar calendar;

    RuleSchedules(WorkingCalendar calendar) {
        this.zone = calendar.zone();
        this.calendar = calendar;
    }

    boolean isOpen(FaultRule.Schedule schedule, Instant at) {
        if (schedule == null) {
            return true;
        }
        LocalDateTime local = LocalDateTime.ofInstant(at, zone);
        LocalTime time = local.toLocalTime();
        LocalDate opened;
        if (schedule.from().isBefore(schedule.to())) {
            if (time.isBefore(schedule.from()) || !time.isBefore(schedule.to())) {
                return false;
            }
            opened = local.toLocalDate();
        } else if (!time.isBefore(schedule.from())) {
            opened = local.toLocalDate();
        } else if (time.isBefore(schedule.to())) {
            opened = local.toLocalDate().minusDays(1); // after midnight: the window opened the evening before
        } else {
            return false;
        }
        return schedule.days().includes(calendar.isWorkingDay(opened));
    }
}
