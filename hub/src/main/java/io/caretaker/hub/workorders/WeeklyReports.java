package io.caretaker.hub.workorders;

import io.caretaker.deviceprofiles.site.Site;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Computes the weekly report from the work orders and their audit trail, for an ISO week in the site's time zone.
 * A promise counts in the week its step happened: a dispatch on time if dispatched by {@code dispatchBy}, a
 * response if work started by {@code respondBy}, a resolution if completed by {@code resolveBy}, a follow-up if
 * recorded by {@code followUpBy}. A dispatch, response or resolution whose time ran out in the week (before now)
 * without its step counts there as late, unless the work was cancelled first: work nobody took up is not left out.
 * Backlog and overdue (unresolved past {@code resolveBy}) are as at the week's end, or now for the current week.
 */
@Service
public class WeeklyReports {

    private static final java.util.Set<WorkOrderStatus> UNRESOLVED = java.util.EnumSet.of(WorkOrderStatus.OPEN,
            WorkOrderStatus.DISPATCHED, WorkOrderStatus.IN_PROGRESS);

    private final WorkOrderRepository workOrders;
    private final Site site;
    private final Clock clock;

    WeeklyReports(WorkOrderRepository workOrders, Site site, Clock clock) {
        this.workOrders = workOrders;
        this.site = site;
        this.clock = clock;
    }

    /** @param week an ISO week such as {@code 2026-W48} */
    public WeeklyReport report(String week) {
        LocalDate monday = mondayOf(week);
        Instant from = monday.atStartOfDay(site.timeZone()).toInstant();
        Instant to = monday.plusWeeks(1).atStartOfDay(site.timeZone()).toInstant();
        List<WorkOrder> all = workOrders.findAll(null);
        Map<Long, List<WorkOrderEvent>> steps = workOrders.eventsBefore(to).stream()
                .collect(Collectors.groupingBy(WorkOrderEvent::workOrderId));

        java.util.Set<Long> repeated = all.stream().map(WorkOrder::repeatOf).filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
        Map<String, List<WorkOrder>> byGroup = new TreeMap<>();
        for (WorkOrder w : all) {
            if (w.openedAt().isBefore(to)) {
                byGroup.computeIfAbsent(key(w), k -> new ArrayList<>()).add(w);
            }
        }
        List<WeeklyReport.Group> groups = new ArrayList<>();
        byGroup.forEach((key, orders) -> {
            String[] parts = key.split("\u0000", -1);
            groups.add(group(parts[0], parts[1], orders, steps, repeated, from, to, clock.instant()));
        });
        return new WeeklyReport(week, monday, from, to, groups, reliability(all, steps, from, to, site));
    }

    private static WeeklyReport.Group group(String building, String trade, List<WorkOrder> orders, Map<Long, List<WorkOrderEvent>> steps,
                                            java.util.Set<Long> repeated, Instant from, Instant to, Instant now) {
        Predicate<Instant> inWeek = at -> at != null && !at.isBefore(from) && at.isBefore(to);
        Instant asOf = now.isBefore(to) ? now : to; // a week still running is read as it stands now
        Predicate<Instant> ranOutInWeek = due -> due != null && !due.isBefore(from) && due.isBefore(asOf);
        int opened = 0;
        int closed = 0;
        int backlog = 0;
        int overdue = 0;
        Share dispatch = new Share();
        Share response = new Share();
        Share resolution = new Share();
        Share followUp = new Share();
        Share satisfaction = new Share();
        Share firstTimeFix = new Share();
        for (WorkOrder w : orders) {
            List<WorkOrderEvent> trail = steps.getOrDefault(w.id(), List.of());
            if (inWeek.test(w.openedAt())) {
                opened++;
            }
            promise(dispatch, first(trail, "dispatch"), w.dispatchBy(), trail, inWeek, ranOutInWeek);
            promise(response, first(trail, "start"), w.respondBy(), trail, inWeek, ranOutInWeek);
            Optional<Instant> completed = last(trail, "complete");
            promise(resolution, completed, w.resolveBy(), trail, inWeek, ranOutInWeek);
            completed.filter(inWeek).ifPresent(at -> followUp.count(first(trail, "follow-up").filter(f -> w.followUpBy() == null
                    || !f.isAfter(w.followUpBy())).isPresent()));
            trail.stream().filter(e -> e.transition().equals("follow-up") && inWeek.test(e.at()))
                    .forEach(e -> satisfaction.count(e.details() != null && e.details().contains("satisfied=true")));
            if (trail.stream().anyMatch(e -> e.transition().equals("close") && inWeek.test(e.at()))) {
                closed++;
                if (w.kind() == WorkOrderKind.CORRECTIVE) {
                    firstTimeFix.count(!repeated.contains(w.id()));
                }
            }
            WorkOrderStatus atWeekEnd = trail.isEmpty() ? WorkOrderStatus.OPEN : trail.get(trail.size() - 1).to();
            if (!atWeekEnd.isFinished()) {
                backlog++;
                if (UNRESOLVED.contains(atWeekEnd) && w.resolveBy().isBefore(asOf)) {
                    overdue++;
                }
            }
        }
        return new WeeklyReport.Group(building, trade, opened, closed, dispatch.value(), response.value(), resolution.value(),
                followUp.value(), satisfaction.value(), backlog, overdue, firstTimeFix.value());
    }

    private static List<WeeklyReport.DeviceReliability> reliability(List<WorkOrder> all, Map<Long, List<WorkOrderEvent>> steps,
                                                                   Instant from, Instant to, Site site) {
        Map<String, List<WorkOrder>> failures = new TreeMap<>();
        for (WorkOrder w : all) {
            if (w.kind() == WorkOrderKind.CORRECTIVE && w.deviceId() != null && !w.openedAt().isBefore(from) && w.openedAt().isBefore(to)) {
                failures.computeIfAbsent(w.deviceId(), d -> new ArrayList<>()).add(w);
            }
        }
        List<WeeklyReport.DeviceReliability> devices = new ArrayList<>();
        failures.forEach((device, orders) -> {
            int count = orders.stream().mapToInt(WorkOrder::occurrences).sum();
            List<Duration> repairs = orders.stream()
                    .map(w -> last(steps.getOrDefault(w.id(), List.of()), "complete").map(done -> Duration.between(w.openedAt(), done)))
                    .flatMap(Optional::stream).toList();
            Duration mttr = repairs.isEmpty() ? null : repairs.stream().reduce(Duration.ZERO, Duration::plus).dividedBy(repairs.size());
            devices.add(new WeeklyReport.DeviceReliability(device, site.deviceName(device), count, mttr, Duration.between(from, to).dividedBy(count)));
        });
        devices.sort(Comparator.comparing(WeeklyReport.DeviceReliability::failures).reversed()
                .thenComparing(WeeklyReport.DeviceReliability::deviceId));
        return devices;
    }

    /**
     * One promise in the week: its step taken in the week, kept if by {@code due}; or {@code due} run out in the week
     * with the step not taken by then and the work not cancelled by then, broken.
     */
    private static void promise(Share share, Optional<Instant> taken, Instant due, List<WorkOrderEvent> trail, Predicate<Instant> inWeek,
                                Predicate<Instant> ranOutInWeek) {
        if (taken.filter(inWeek).isPresent()) {
            share.count(!taken.get().isAfter(due));
        } else if (ranOutInWeek.test(due) && taken.map(at -> at.isAfter(due)).orElse(true)
                && first(trail, "cancel").map(at -> at.isAfter(due)).orElse(true)) {
            share.count(false);
        }
    }

    private static Optional<Instant> first(List<WorkOrderEvent> trail, String transition) {
        return trail.stream().filter(e -> e.transition().equals(transition)).map(WorkOrderEvent::at).findFirst();
    }

    private static Optional<Instant> last(List<WorkOrderEvent> trail, String transition) {
        return trail.stream().filter(e -> e.transition().equals(transition)).map(WorkOrderEvent::at).reduce((a, b) -> b);
    }

    private static String key(WorkOrder w) {
        String building = w.location() == null || w.location().building() == null ? "" : w.location().building();
        return building + "\u0000" + (w.trade() == null ? "" : w.trade().name());
    }

    static LocalDate mondayOf(String week) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{4})-W(\\d{2})").matcher(week == null ? "" : week);
        if (!m.matches()) {
            throw new IllegalArgumentException("week '" + week + "' is not an ISO week; write it like 2026-W48");
        }
        int weekNumber = Integer.parseInt(m.group(2));
        LocalDate someDay = LocalDate.of(Integer.parseInt(m.group(1)), 6, 1);
        if (weekNumber < 1 || weekNumber > someDay.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
            throw new IllegalArgumentException("week '" + week + "' does not exist in " + m.group(1));
        }
        return someDay.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, weekNumber).with(DayOfWeek.MONDAY);
    }

    /** A share of kept promises; null when there was nothing to count. */
    private static final class Share {
        private int kept;
        private int total;

        void count(boolean keptIt) {
            total++;
            if (keptIt) {
                kept++;
            }
        }

        Double value() {
            return total == 0 ? null : (double) kept / total;
        }
    }
}
