package io.caretaker.hub.alarms.kpi;

import io.caretaker.deviceprofiles.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The alarm-system KPIs of ISA-18.2 / EEMUA 191 over a window [from, to): annunciated alarms per 10-minute interval
 * from {@code from}, their average and peak, the share of time in flood, chattering and stale alarms, the top bad
 * actors and the priority distribution. Rates, bad actors and priorities count alarms put in front of the operator;
 * {@code activations} also counts those raised while shelved, suppressed or out of service.
 */
public record AlarmKpis(Instant from, Instant to, int annunciated, int activations, List<Interval> perTenMinutes,
                        double averagePerTenMinutes, int peakPerTenMinutes, int floodAt, int intervalsInFlood,
                        double percentTimeInFlood, List<Chattering> chattering, List<Stale> stale, List<BadActor> topBadActors,
                        List<PriorityShare> priorities) {

    /** One 10-minute interval (the last may be shorter when the window is not a whole number of them). */
    public record Interval(Instant start, Duration length, int alarms, boolean flood) {
    }

    /** A (device, rule) that activated at least the chattering count within the chattering window, inside the KPI window. */
    public record Chattering(String deviceId, String ruleId, int activations, int mostWithinWindow) {
    }

    /** An alarm active longer than the stale limit at some time in the window. */
    public record Stale(long alarmId, String deviceId, String ruleId, Severity severity, Instant activeSince, Duration activeFor,
                        boolean stillActive) {
    }

    /** One of the (device, rule) pairs with most annunciated alarms, and its share of them all. */
    public record BadActor(String deviceId, String ruleId, int alarms, double percent) {
    }

    /** Annunciated alarms of one severity and their share. */
    public record PriorityShare(Severity severity, int alarms, double percent) {
    }
}
