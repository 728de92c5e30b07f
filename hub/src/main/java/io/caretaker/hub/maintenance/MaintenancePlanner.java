package io.caretaker.hub.maintenance;

import io.caretaker.deviceprofiles.DeviceProfile;
import io.caretaker.deviceprofiles.MaintenancePlan;
import io.caretaker.deviceprofiles.ProfileCatalog;
import io.caretaker.deviceprofiles.site.InstalledDevice;
import io.caretaker.deviceprofiles.site.Site;
import io.caretaker.hub.calendar.WorkingCalendar;
import io.caretaker.hub.utilisation.RunTracker;
import io.caretaker.hub.workorders.Tier;
import io.caretaker.hub.workorders.WorkOrder;
import io.caretaker.hub.workorders.WorkOrderService;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opens PREVENTIVE work orders from the maintenance plans in the profiles, a lead time before each is due: on the
 * calendar (in the site's time zone), by run hours and by counts, as utilisation counts them. Runs at start-up, so
 * cycles that came due while the hub was down are caught up, and then every {@code caretaker.maintenance.check-every}.
 * Each plan's state is stored (first scheduled, next due, cycle); a cycle is opened in the same transaction that moves
 * the plan on, and only if no one moved it first, so no cycle is opened twice and none is skipped. Every cycle that
 * came due is audited: while the plan's work order is unfinished, a further cycle counts as another occurrence of it.
 * A plan is scheduled from the first time the hub sees it (calendar plans: that instant; run hours and counts: the
 * totals then), with a fixed rhythm: the next cycle is due one period after the previous due time, not after its
 * completion.
 */
@Component
public class MaintenancePlanner {

    private static final Logger log = LoggerFactory.getLogger(MaintenancePlanner.class);

    private final Site site;
    private final ProfileCatalog profiles;
    private final PlanStateRepository states;
    private final RunTracker running;
    private final WorkOrderService workOrders;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ZoneId zone;

    MaintenancePlanner(Site site, ProfileCatalog profiles, PlanStateRepository states, RunTracker running, WorkOrderService workOrders,
                       TransactionTemplate transactions, Clock clock, WorkingCalendar calendar) {
        this.site = site;
        this.profiles = profiles;
        this.states = states;
        this.running = running;
        this.workOrders = workOrders;
        this.transactions = transactions;
        this.clock = clock;
        this.zone = calendar.zone();
    }

    @EventListener(ApplicationReadyEvent.class)
    void catchUpOnStart() {
        List<WorkOrder> opened = check();
        log.info("maintenance plans checked at start-up workOrders={}", opened.stream().map(WorkOrder::id).toList());
    }

    /** Checks every plan of every device now; returns the work orders opened or counted again by this check. */
    @Scheduled(initialDelayString = "PT10M", fixedDelayString = "${caretaker.maintenance.check-every:PT10M}")
    public synchronized List<WorkOrder> check() {
        Instant now = clock.instant();
        List<WorkOrder> opened = new ArrayList<>();
        for (InstalledDevice device : site.devices()) {
            DeviceProfile profile = profiles.get(device.profile());
            for (MaintenancePlan plan : profile.maintenance()) {
                try {
                    opened.addAll(check(device, plan, now));
                } catch (RuntimeException e) {
                    log.warn("maintenance plan check failed device={} plan={} cause={}", device.id(), plan.id(), e.toString());
                }
            }
        }
        return opened;
    }

    public List<PlanState> states() {
        return states.all();
    }

    /** Every plan of every installed device with where it stands; plans not yet scheduled show no due time. */
    public List<PlanStatus> status() {
        java.util.Map<String, PlanState> byKey = new java.util.HashMap<>();
        for (PlanState s : states.all()) {
            byKey.put(s.deviceId() + "/" + s.planId(), s);
        }
        List<PlanStatus> result = new ArrayList<>();
        for (InstalledDevice device : site.devices()) {
            for (MaintenancePlan plan : profiles.get(device.profile()).maintenance()) {
                PlanState s = byKey.get(device.id() + "/" + plan.id());
                OptionalDouble current = plan instanceof MaintenancePlan.Calendar ? OptionalDouble.empty() : current(plan, device.id());
                String type = plan instanceof MaintenancePlan.Calendar ? "calendar" : plan instanceof MaintenancePlan.RunHours ? "run-hours" : "count";
                result.add(new PlanStatus(device.id(), plan.id(), type, plan.task(), s == null ? null : site.localTime(s.nextDueAt()),
                        s == null ? null : s.nextDueAtCount(), current.isPresent() ? current.getAsDouble() : null,
                        s == null ? 0 : s.cycle(), s == null ? null : s.lastWorkOrderId()));
            }
        }
        return result;
    }

    private List<WorkOrder> check(InstalledDevice device, MaintenancePlan plan, Instant now) {
        Optional<PlanState> known = states.find(device.id(), plan.id());
        if (known.isEmpty()) {
            start(device, plan, now);
            known = states.find(device.id(), plan.id());
            if (known.isEmpty()) {
                return List.of(); // a count plan waiting for its counter's first value
            }
        }
        PlanState state = known.get();
        List<Cycle> due = dueCycles(plan, state, device.id(), now);
        if (due.isEmpty()) {
            return List.of();
        }
        List<WorkOrder> opened = transactions.execute(tx -> {
            Cycle last = due.get(due.size() - 1);
            if (!states.advance(device.id(), plan.id(), state.cycle(), state.cycle() + due.size(), last.nextDueAt(), last.nextDueAtCount(), now)) {
                return List.<WorkOrder>of(); // another instance, or an overlapping check, opened these cycles
            }
            List<WorkOrder> result = new ArrayList<>();
            for (Cycle cycle : due) {
                WorkOrder w = workOrders.openPreventive(device.id(), plan.id(), Tier.of(plan.severity()), title(device, plan),
                        cycle.description(), cycle.dueAt());
                result.add(w);
                states.workOrderOpened(device.id(), plan.id(), w.id());
            }
            return result;
        });
        return opened == null ? List.of() : opened;
    }

    private void start(InstalledDevice device, MaintenancePlan plan, Instant now) {
        PlanState initial;
        if (plan instanceof MaintenancePlan.Calendar calendar) {
            initial = new PlanState(device.id(), plan.id(), now, ZonedDateTime.ofInstant(now, zone).plus(calendar.period()).toInstant(), null, 0, null, null);
        } else {
            OptionalDouble current = current(plan, device.id());
            if (current.isEmpty()) {
                return;
            }
            double every = plan instanceof MaintenancePlan.RunHours r ? r.every() : ((MaintenancePlan.Count) plan).every();
            initial = new PlanState(device.id(), plan.id(), now, null, current.getAsDouble() + every, 0, null, null);
        }
        if (states.start(initial)) {
            log.info("maintenance plan scheduled device={} plan={} nextDueAt={} nextDueAtCount={}", device.id(), plan.id(),
                    initial.nextDueAt(), initial.nextDueAtCount());
        }
    }

    /** The cycles that have come within their lead time since the plan last moved on, oldest first. */
    private List<Cycle> dueCycles(MaintenancePlan plan, PlanState state, String deviceId, Instant now) {
        List<Cycle> cycles = new ArrayList<>();
        if (plan instanceof MaintenancePlan.Calendar calendar) {
            Instant dueAt = state.nextDueAt();
            while (!now.isBefore(dueAt.minus(calendar.lead()))) {
                Instant next = ZonedDateTime.ofInstant(dueAt, zone).plus(calendar.period()).toInstant();
                String late = now.isAfter(dueAt) ? " It came due while the hub was not running; it is overdue." : "";
                cycles.add(new Cycle(dueAt, next, null, String.format(Locale.ROOT, "%s (every %s) is due by %s.%s", plan.task(),
                        calendar.every(), site.localTime(dueAt), late)));
                dueAt = next;
            }
            return cycles;
        }
        OptionalDouble current = current(plan, deviceId);
        if (current.isEmpty()) {
            return cycles;
        }
        double every = plan instanceof MaintenancePlan.RunHours r ? r.every() : ((MaintenancePlan.Count) plan).every();
        double lead = plan instanceof MaintenancePlan.RunHours r ? r.lead() : ((MaintenancePlan.Count) plan).lead();
        String unit = plan instanceof MaintenancePlan.RunHours ? "run hours" : ((MaintenancePlan.Count) plan).point();
        double dueAtCount = state.nextDueAtCount();
        while (current.getAsDouble() >= dueAtCount - lead) {
            cycles.add(new Cycle(null, null, dueAtCount + every, String.format(Locale.ROOT, "%s (every %s %s) is due at %s %s; now %.1f.",
                    plan.task(), number(every), unit, number(dueAtCount), unit, current.getAsDouble())));
            dueAtCount += every;
        }
        return cycles;
    }

    private OptionalDouble current(MaintenancePlan plan, String deviceId) {
        if (plan instanceof MaintenancePlan.RunHours) {
            return OptionalDouble.of(running.lifetime(deviceId).runHours());
        }
        MaintenancePlan.Count count = (MaintenancePlan.Count) plan;
        return count.countsStarts() ? OptionalDouble.of(running.lifetime(deviceId).starts()) : running.counter(deviceId, count.point());
    }

    private static String title(InstalledDevice device, MaintenancePlan plan) {
        return plan.task() + " — " + device.id() + (device.building() == null ? "" : " (" + device.building()
                + (device.room() == null ? "" : " / " + device.room()) + ")");
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    /** One cycle come due: when (calendar) and what comes after it. */
    private record Cycle(Instant dueAt, Instant nextDueAt, Double nextDueAtCount, String description) {
    }
}
