package io.caretaker.hub.calendar;

import io.caretaker.deviceprofiles.site.Site;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.Set;

/**
 * A site's working days: weekends and public holidays skipped, make-up working days (调休) on a weekend counted.
 * "N working days" is the same time of day N working days later, counted in the site's time zone (DOMAIN.md).
 */
public final class WorkingCalendar {

    private final ZoneId zone;
    private final Set<DayOfWeek> weekend;
    private final Set<LocalDate> holidays;
    private final Set<LocalDate> workingDays;

    public WorkingCalendar(ZoneId zone, Set<DayOfWeek> weekend, Set<LocalDate> holidays) {
        this(zone, weekend, holidays, Set.of());
    }

    /** {@code workingDays} are worked although they fall on the weekend: the make-up days of a holiday (调休). */
    public WorkingCalendar(ZoneId zone, Set<DayOfWeek> weekend, Set<LocalDate> holidays, Set<LocalDate> workingDays) {
        this.zone = zone;
        this.weekend = Set.copyOf(weekend);
        this.holidays = Set.copyOf(holidays);
        this.workingDays = Set.copyOf(workingDays);
    }

    public static WorkingCalendar of(Site site) {
        return new WorkingCalendar(site.timeZone(), site.calendar().weekend(), site.calendar().holidays());
    }

    /** The site's calendar with a calendar file's holidays and make-up working days added. */
    public WorkingCalendar with(CalendarFile file) {
        Set<LocalDate> allHolidays = new HashSet<>(holidays);
        allHolidays.addAll(file.holidayDates());
        Set<LocalDate> allWorkingDays = new HashSet<>(workingDays);
        allWorkingDays.addAll(file.workingDayDates());
        return new WorkingCalendar(zone, weekend, allHolidays, allWorkingDays);
    }

    public ZoneId zone() {
        return zone;
    }

    public boolean isWorkingDay(LocalDate day) {
        if (workingDays.contains(day)) {
            return true;
        }
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
