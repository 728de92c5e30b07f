package io.caretaker.hub.workorders;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The weekly statistics (每周统计) reported to the supervisor: per building and trade, what was opened and closed,
 * the share of SLA promises kept, follow-up and satisfaction, the backlog, the first-time-fix rate (corrective work
 * closed this week whose fault has not come back as a repeat); and per device, MTTR and MTBF.
 * Shares are null where nothing was there to count.
 */
public record WeeklyReport(String week, LocalDate monday, Instant from, Instant to, List<Group> groups, List<DeviceReliability> devices) {

    /** One building and trade. */
    public record Group(String building, String trade, int opened, int closed,
                        Double dispatchOnTime, Double responseOnTime, Double resolutionOnTime,
                        Double followUpRate, Double satisfaction, int backlog, int overdue, Double firstTimeFix) {
    }

    /** Corrective work of one device this week: how long repairs took, and how often it failed. */
    public record DeviceReliability(String deviceId, String deviceName, int failures, Duration meanTimeToRepair, Duration meanTimeBetweenFailures) {
    }
}
