package io.caretaker.simulators.model;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The simulation's clock: starts at {@code start} and runs {@code acceleration} times faster than real time, so a
 * day passes in minutes while every value and timestamp the devices give stays consistent with it.
 */
public final class SimulatedTime extends Clock {

    private final Instant start;
    private final double acceleration;
    private final Clock real;
    private final Instant realStart;

    public SimulatedTime(Instant start, double acceleration, Clock real) {
        if (!(acceleration > 0)) {
            throw new IllegalArgumentException("acceleration " + acceleration + " must be above 0 (1 is real time, 60 is a minute a second)");
        }
        this.start = start;
        this.acceleration = acceleration;
        this.real = real;
        this.realStart = real.instant();
    }

    public double acceleration() {
        return acceleration;
    }

    public Instant start() {
        return start;
    }

    @Override
    public Instant instant() {
        long realNanos = java.time.Duration.between(realStart, real.instant()).toNanos();
        return start.plusNanos(Math.round(realNanos * acceleration));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("simulated time is UTC; convert instants with the site's time zone");
    }
}
