package io.caretaker.hub.utilisation;

import java.time.LocalDate;
import java.util.List;

/**
 * Utilisation from {@code from} to {@code to} (local days, both included): every device's days, and the devices ranked
 * most idle first, for engineers to fix, re-schedule or retire.
 */
public record UtilisationReport(LocalDate from, LocalDate to, List<UtilisationDay> days, List<Ranked> ranking) {

    /**
     * One device over the whole period: its hours known and run, starts, duty cycle (null when nothing was known), days
     * it was known and never ran, and the median duty cycle of the other devices of its profile (null without peers).
     */
    public record Ranked(String deviceId, String profile, String building, double knownHours, double runHours, long starts,
                         Double dutyCycle, int idleDays, Double peerDutyCycle) {
    }
}
