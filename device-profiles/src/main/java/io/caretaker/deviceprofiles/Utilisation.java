package io.caretaker.deviceprofiles;

/**
 * How the hub tells that a device of this type is running, for its run hours, starts, duty cycle, idle findings and
 * run-hour maintenance: a boolean point (running while true), a number point above {@code runningAbove} (power,
 * current, speed), or a counter while it rises ({@code runningWhenRising}). {@code occupiedOnly}: the device should
 * run only in the site's occupied hours.
 */
public record Utilisation(String runningPoint, Double runningAbove, Boolean runningWhenRising, Boolean occupiedOnly) {

    public Utilisation {
        runningWhenRising = Boolean.TRUE.equals(runningWhenRising);
        occupiedOnly = Boolean.TRUE.equals(occupiedOnly);
    }
}
