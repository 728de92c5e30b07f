package io.caretaker.hub.maintenance;

import java.time.Instant;

/**
 * Where one device's maintenance plan stands: when the hub first scheduled it, when (calendar) or at which run hours
 * or count (run-hours, count) it is next due, how many cycles have come due, and the last work order it opened.
 */
public record PlanState(String deviceId, String planId, Instant startedAt, Instant nextDueAt, Double nextDueAtCount,
                        int cycle, Instant lastOpenedAt, Long lastWorkOrderId) {
}
