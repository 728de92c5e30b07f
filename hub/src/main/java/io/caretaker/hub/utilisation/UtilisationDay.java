package io.caretaker.hub.utilisation;

import java.time.LocalDate;

/**
 * One device's utilisation on one local day: hours its running state was known, hours it ran (and of those, outside
 * occupied hours), starts, and its duty cycle (run over known hours; null when nothing was known).
 */
public record UtilisationDay(String deviceId, String profile, LocalDate day, double knownHours, double runHours,
                             double unoccupiedRunHours, long starts, Double dutyCycle) {

    static UtilisationDay of(String deviceId, String profile, LocalDate day, double knownSeconds, double runSeconds,
                             double unoccupiedRunSeconds, long starts) {
        return new UtilisationDay(deviceId, profile, day, hours(knownSeconds), hours(runSeconds), hours(unoccupiedRunSeconds), starts,
                knownSeconds > 0 ? round(runSeconds / knownSeconds) : null);
    }

    static double hours(double seconds) {
        return round(seconds / 3600.0);
    }

    static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
