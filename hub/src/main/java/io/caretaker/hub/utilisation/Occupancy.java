package io.caretaker.hub.utilisation;

import io.caretaker.hub.workorders.WorkingCalendar;
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
