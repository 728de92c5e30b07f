package io.caretaker.hub.maintenance;

import java.time.OffsetDateTime;

/**
 * A device's maintenance plan as engineers read it: what and how often, when (calendar, site time) or at which run
 * hours or count it is next due, where the device is now (run hours or count, null for calendar plans or a counter
 * not heard since the start), how many cycles have come due, and the last work order it opened.
 */
public record PlanStatus(String deviceId, String planId, String type, String task, OffsetDateTime nextDueAt, Double nextDueAtCount,
                         Double current, int cycle, Long lastWorkOrderId) {
}
