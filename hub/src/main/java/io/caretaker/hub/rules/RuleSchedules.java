package io.caretaker.hub.rules;

import io.caretaker.deviceprofiles.FaultRule;
import io.caretaker.hub.calendar.WorkingCalendar;
import java.time.Instant;
import java.time.LocalDateTime;
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
        return FaultRule.Schedule.openedOn(LocalDateTime.ofInstant(at, zone), schedule.from(), schedule.to())
                .map(opened -> schedule.days().includes(calendar.isWorkingDay(opened)))
                .orElse(false);
    }
}
