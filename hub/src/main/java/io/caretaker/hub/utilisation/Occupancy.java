package io.caretaker.hub.utilisation;

import io.caretaker.deviceprofiles.site.Site;
import io.caretaker.hub.calendar.WorkingCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;

/** When the site is occupied: its working days (weekends and holidays off, make-up days on) between two local times. */
public final class Occupancy {

    private final WorkingCalendar calendar;
    private final LocalTime from;
    private final LocalTime to;

    public Occupancy(WorkingCalendar calendar, LocalTime from, LocalTime to) {
        this.calendar = calendar;
        this.from = from;
        this.to = to;
    }

    /**
     * The site's occupied hours: the site file's {@code site.occupied}, or the hub-wide {@code caretaker.utilisation.occupied}
     * when the site file gives none, on the site's one working calendar.
     */
    public static Occupancy of(Site site, WorkingCalendar calendar, UtilisationProperties.Occupied hubWide) {
        return site.occupied() == null
                ? new Occupancy(calendar, hubWide.from(), hubWide.to())
                : new Occupancy(calendar, site.occupied().from(), site.occupied().to());
    }

    @Override
    public String toString() {
        return from + "-" + to + " on working days";
    }

    /** How much of {@code [start, end)} the site was occupied. */
    public Duration occupiedWithin(Instant start, Instant end) {
        if (!end.isAfter(start)) {
            return Duration.ZERO;
        }
        Duration occupied = Duration.ZERO;
        LocalDate last = end.atZone(calendar.zone()).toLocalDate();
        for (LocalDate day = start.atZone(calendar.zone()).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            if (!calendar.isWorkingDay(day)) {
                continue;
            }
            Instant open = ZonedDateTime.of(day, from, calendar.zone()).toInstant();
            Instant close = ZonedDateTime.of(day, to, calendar.zone()).toInstant();
            Instant a = start.isAfter(open) ? start : open;
            Instant b = end.isBefore(close) ? end : close;
            if (b.isAfter(a)) {
                occupied = occupied.plus(Duration.between(a, b));
            }
        }
        return occupied;
    }
}
