package io.caretaker.hub.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import io.caretaker.deviceprofiles.ConfigurationLoader;
import io.caretaker.deviceprofiles.ProfileCatalog;
import io.caretaker.deviceprofiles.canonical.PointSample;
import io.caretaker.deviceprofiles.canonical.Value;
import io.caretaker.deviceprofiles.site.InstalledDevice;
import io.caretaker.deviceprofiles.site.Site;
import io.caretaker.hub.MovableClock;
import io.caretaker.hub.calendar.WorkingCalendar;
import io.caretaker.hub.utilisation.RunTracker;
import io.caretaker.hub.utilisation.TestRunTrackers;
import io.caretaker.hub.workorders.TestWorkOrders;
import io.caretaker.hub.workorders.Trade;
import io.caretaker.hub.workorders.Transition;
import io.caretaker.hub.workorders.TransitionRequest;
import io.caretaker.hub.workorders.WorkOrder;
import io.caretaker.hub.workorders.WorkOrderKind;
import io.caretaker.hub.workorders.WorkOrderService;
import io.caretaker.hub.workorders.WorkOrderStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A year of one pump's maintenance plans with the hub restarted between checks and down for months: each cycle is
 * opened once, at its lead time, and cycles that came due while the hub was down are caught up on start. The same
 * scenario runs on H2 and on PostgreSQL.
 */
final class PlanRestartScenario {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String PUMP = """
            formatVersion: 1
            id: test-pump
            name: Test pump
            family: hvac
            points:
              - id: run_status
                kind: boolean
                bindings:
                  modbus: {table: coil, address: 0}
              - id: valve_strokes
                kind: number
                bindings:
                  modbus: {table: input-register, address: 0, type: uint32}
            utilisation:
              runningPoint: run_status
            maintenance:
              - id: seal-check
                type: calendar
                task: Check the pump seal
                every: 3mo
                lead: 7d
              - id: bearing-grease
                type: run-hours
                task: Grease the bearings
                every: 100
                lead: 10
                severity: IMPORTANT
              - id: starter-check
                type: count
                task: Check the starter
                point: starts
                every: 20
                lead: 2
              - id: valve-service
                type: count
                task: Service the control valve
                point: valve_strokes
                every: 1000
                lead: 50
            """;
    private static final ProfileCatalog PROFILES = ProfileCatalog.read(new ConfigurationLoader(), Map.of("test-pump.yaml", PUMP));
    private static final Site SITE = new Site("test", "Test", SHANGHAI, null,
            List.of(new InstalledDevice("pump-1", "test-pump", "Chilled water pump 1", "Office Tower", "B2", "Pump room", null)));

    private final DataSource data;
    private final MovableClock clock = new MovableClock(Instant.EPOCH);
    private Hub hub;

    PlanRestartScenario(DataSource data) {
        this.data = data;
    }

    void run() {
        clock.set(at("2026-01-05T09:00"));
        start();
        assertThat(hub.planner.check()).isEmpty();
        assertThat(hub.planner.states()).extracting(PlanState::planId, PlanState::nextDueAt, PlanState::nextDueAtCount)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("seal-check", at("2026-04-05T09:00"), null),
                        org.assertj.core.groups.Tuple.tuple("bearing-grease", null, 100.0),
                        org.assertj.core.groups.Tuple.tuple("starter-check", null, 20.0));

        // the calendar plan opens exactly at its lead time, 7 days before it is due, and once however often the hub restarts
        clock.set(at("2026-03-29T08:59"));
        assertThat(hub.planner.check()).isEmpty();
        clock.set(at("2026-03-29T09:00"));
        List<WorkOrder> seal = hub.planner.check();
        assertThat(seal).singleElement().satisfies(w -> {
            assertThat(w.kind()).isEqualTo(WorkOrderKind.PREVENTIVE);
            assertThat(w.ruleId()).isEqualTo("seal-check");
            assertThat(w.title()).isEqualTo("Check the pump seal — pump-1 (Office Tower / Pump room)");
            assertThat(w.resolveBy()).isEqualTo(at("2026-04-05T09:00"));
        });
        restart();
        assertThat(hub.planner.check()).isEmpty();
        clock.set(at("2026-03-29T10:00"));
        restart();
        assertThat(hub.planner.check()).isEmpty();

        // run hours: the pump runs 90 h, the lead before its 100-hour greasing
        run(false, "2026-03-29T10:00");
        run(true, "2026-03-30T00:00");
        hub.running.onTick(at("2026-04-02T17:59"));
        clock.set(at("2026-04-02T18:00"));
        assertThat(hub.planner.check()).isEmpty();
        hub.running.onTick(at("2026-04-02T18:00"));
        assertThat(hub.planner.check()).extracting(WorkOrder::ruleId).containsExactly("bearing-grease");
        restart(); // the run hours were stored at shutdown: nothing opens twice
        assertThat(hub.planner.check()).isEmpty();

        // counts: 18 starts is within the lead of the 20-start check
        run(false, "2026-04-02T18:00");
        for (int i = 0; i < 17; i++) {
            run(true, "2026-04-02T18:" + String.format("%02d", 2 * i + 1));
            run(false, "2026-04-02T18:" + String.format("%02d", 2 * i + 2));
        }
        clock.set(at("2026-04-02T19:00"));
        hub.running.onTick(clock.instant());
        assertThat(hub.running.lifetime("pump-1").starts()).isEqualTo(18);
        assertThat(hub.planner.check()).extracting(WorkOrder::ruleId).containsExactly("starter-check");

        // a counter point: the plan starts from the first value the hub sees, and opens 50 strokes before 1000 more
        strokes(950, "2026-04-02T19:00");
        assertThat(hub.planner.check()).isEmpty();
        assertThat(hub.planner.states()).filteredOn(s -> s.planId().equals("valve-service")).singleElement()
                .satisfies(s -> assertThat(s.nextDueAtCount()).isEqualTo(1950.0));
        strokes(1899, "2026-04-02T19:10");
        assertThat(hub.planner.check()).isEmpty();
        strokes(1900, "2026-04-02T19:20");
        assertThat(hub.planner.check()).extracting(WorkOrder::ruleId, WorkOrder::description)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("valve-service",
                        "Service the control valve (every 1000 valve_strokes) is due at 1950 valve_strokes; now 1900.0."));
        restart(); // the counter's value is not known until the device reports it again: nothing happens meanwhile
        assertThat(hub.planner.check()).isEmpty();
        strokes(1901, "2026-04-02T19:30");
        assertThat(hub.planner.check()).isEmpty();

        // the seal is checked and the work order closed
        long first = seal.get(0).id();
        for (Transition t : List.of(Transition.DISPATCH, Transition.START, Transition.COMPLETE, Transition.CONFIRM, Transition.FOLLOW_UP, Transition.CLOSE)) {
            hub.workOrders.apply(first, t, new TransitionRequest("tech-wu", Trade.HVAC, null, "seal fine", null, 20, true, null));
        }

        // the hub is down from April to late October: the cycles due on 5 July and 5 October are caught up on start
        hub.running.flush();
        clock.set(at("2026-10-20T09:00"));
        start();
        List<WorkOrder> caughtUp = hub.planner.check();
        assertThat(caughtUp).extracting(WorkOrder::ruleId).containsOnly("seal-check");
        WorkOrder overdue = caughtUp.get(caughtUp.size() - 1);
        assertThat(overdue.id()).isNotEqualTo(first);
        assertThat(overdue.status()).isEqualTo(WorkOrderStatus.OPEN);
        assertThat(overdue.occurrences()).as("both missed cycles recorded on one work order").isEqualTo(2);
        assertThat(overdue.description()).contains("due by 2026-07-05T09:00+08:00").contains("overdue");
        assertThat(hub.workOrders.history(overdue.id())).extracting(e -> e.transition()).containsExactly("open", "recurrence");
        assertThat(hub.planner.states()).filteredOn(s -> s.planId().equals("seal-check")).singleElement()
                .satisfies(s -> {
                    assertThat(s.nextDueAt()).isEqualTo(at("2027-01-05T09:00"));
                    assertThat(s.cycle()).isEqualTo(3);
                    assertThat(s.lastWorkOrderId()).isEqualTo(overdue.id());
                });
        restart();
        assertThat(hub.planner.check()).isEmpty();
        assertThat(hub.planner.status()).extracting(PlanStatus::planId, PlanStatus::type, PlanStatus::cycle, PlanStatus::current)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("seal-check", "calendar", 3, null),
                        org.assertj.core.groups.Tuple.tuple("bearing-grease", "run-hours", 1, (90 * 3600 + 17 * 60) / 3600.0), // and the 17 one-minute starts
                        org.assertj.core.groups.Tuple.tuple("starter-check", "count", 1, 18.0),
                        org.assertj.core.groups.Tuple.tuple("valve-service", "count", 1, null)); // not heard since this start
        assertThat(hub.planner.status().get(0).nextDueAt()).hasToString("2027-01-05T09:00+08:00");

        // over the whole year: two seal work orders, one greasing, one starter check, one valve service
        assertThat(hub.workOrders.all(null)).extracting(WorkOrder::ruleId)
                .containsExactlyInAnyOrder("seal-check", "seal-check", "bearing-grease", "starter-check", "valve-service");
    }

    private void run(boolean running, String local) {
        Instant t = at(local);
        hub.running.onTick(t);
        hub.running.onSample(PointSample.good("pump-1", "run_status", t, Value.of(running)));
    }

    private void strokes(double value, String local) {
        Instant t = at(local);
        clock.set(t);
        hub.running.onSample(PointSample.good("pump-1", "valve_strokes", t, Value.of(value)));
    }

    private void start() {
        hub = new Hub(data, clock);
    }

    /** Stops the hub (utilisation stored, as at shutdown) and starts a new one on the same database. */
    private void restart() {
        hub.running.flush();
        start();
    }

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }

    /** What of the hub the plans need, built afresh on every start. */
    private static final class Hub {
        final RunTracker running;
        final WorkOrderService workOrders;
        final MaintenancePlanner planner;

        Hub(DataSource data, Clock clock) {
            running = TestRunTrackers.tracker(SITE, PROFILES, data, Duration.ofDays(30));
            workOrders = TestWorkOrders.service(data, SITE, clock, event -> { });
            planner = new MaintenancePlanner(SITE, PROFILES, new PlanStateRepository(org.springframework.jdbc.core.simple.JdbcClient.create(data)),
                    running, workOrders, new TransactionTemplate(new DataSourceTransactionManager(data)), clock, WorkingCalendar.of(SITE));
        }
    }
}
