package io.caretaker.hub.workorders;

import io.caretaker.deviceprofiles.site.Site;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * A site's working days: weekends and public holidays skipped. "N working days" is the same time of day N
 * working days later, counted in the site's time zone (DOMAIN.md).
 */
public final class WorkingCalendar {

    private final ZoneId zone;
    private final Set<DayOfWeek> weekend;
    private final Set<LocalDate> holidays;

    public WorkingCalendar(ZoneId zone, Set<DayOfWeek> weekend, Set<LocalDate> holidays) {
        this.zone = zone;
        this.weekend = Set.copyOf(weekend);
        this.holidays = Set.copyOf(holidays);
    }

    public static WorkingCalendar of(Site site) {
        return new WorkingCalendar(site.timeZone(), site.calendar().weekend(), site.calendar().holidays());
    }

    public boolean isWorkingDay(LocalDate day) {
        return !weekend.contains(day.getDayOfWeek()) && !holidays.contains(day);
    }

    public Instant plusWorkingDays(Instant from, int days) {
        ZonedDateTime at = from.atZone(zone);
        int counted = 0;
        while (counted < days) {
            at = at.plusDays(1);
            if (isWorkingDay(at.toLocalDate())) {
                counted++;
            }
        }
        return at.toInstant();
    }
}
