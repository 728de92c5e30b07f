package io.caretaker.hub.workorders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.caretaker.deviceprofiles.FaultRule;
import io.caretaker.deviceprofiles.Severity;
import io.caretaker.deviceprofiles.site.Site;
import io.caretaker.hub.PostgresSchema;
import io.caretaker.hub.alarms.Alarm;
import io.caretaker.hub.alarms.AlarmRaised;
import io.caretaker.hub.alarms.AlarmService;
import io.caretaker.hub.alarms.TestAlarms;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Every annunciated alarm gets one CORRECTIVE work order, opened off the raising thread, even when opening it failed. */
class CorrectiveWorkOrdersTest {

    private static final FaultRule FAN_FAILED = TestAlarms.rule("fan-failed", Severity.MAJOR);
    private static final Site SITE = new Site("test", "Test", ZoneId.of("Asia/Shanghai"), new Site.Calendar(null, null), List.of());

    private final DataSource data = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    private final TestAlarms t = new TestAlarms(data);
    private final AlarmService alarms = t.service;
    private final AtomicInteger refusals = new AtomicInteger();
    /** Work orders on the same database; refuses to open one while {@code refusals} is above zero, as a database that is away. */
    private final WorkOrderService workOrders = new WorkOrderService(new WorkOrderRepository(JdbcClient.create(data)),
            new SlaClock(TestWorkOrders.DOMAIN_TABLE, SITE), SITE, t.clock, event -> { }) {
        @Override
        public WorkOrder openCorrective(Alarm alarm) {
            if (refusals.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new DataAccessResourceFailureException("connection refused");
            }
            return super.openCorrective(alarm);
        }
    };

    private CorrectiveWorkOrders correctiveWorkOrders() {
        return new CorrectiveWorkOrders(workOrders, new WorkOrderRepository(JdbcClient.create(data)), alarms, t.clock,
                new CorrectiveWorkOrderProperties(Duration.ofMinutes(1)));
    }

    /** Hands the alarm service's AlarmRaised events to the component, as Spring does once the alarm is stored. */
    private void deliverRaised(CorrectiveWorkOrders corrective) {
        t.published(AlarmRaised.class).forEach(corrective::onAlarmRaised);
        t.published.clear();
    }

    private int workOrderCount() {
        return t.jdbc.sql("select count(*) from work_order").query(Integer.class).single();
    }

    @Test
    void anAlarmWhoseWorkOrderFailedToOpenGetsItAtTheNextSweep() {
        CorrectiveWorkOrders corrective = correctiveWorkOrders();
        Alarm alarm = alarms.raise("ahu-3", FAN_FAILED, TestAlarms.T0);
        refusals.set(1);
        deliverRaised(corrective);

        assertThat(corrective.openRaised()).isEqualTo(1);
        assertThat(workOrderCount()).isZero();
        assertThat(alarms.find(alarm.id()).orElseThrow().workOrderId()).isNull();
        refusals.set(1);
        assertThat(corrective.sweep()).isZero();
        assertThat(corrective.health().getDetails()).containsEntry("opened", 0L).containsEntry("waitingAfterLastSweep", 1)
                .containsEntry("lastFailureAt", TestAlarms.T0.toString())
                .containsEntry("lastFailure", "org.springframework.dao.DataAccessResourceFailureException: connection refused");

        assertThat(corrective.sweep()).isEqualTo(1);
        assertThat(corrective.health().getDetails()).containsEntry("opened", 1L).containsEntry("waitingAfterLastSweep", 0);
        WorkOrder opened = workOrders.all(null).get(0);
        assertThat(opened.alarmId()).isEqualTo(alarm.id());
        assertThat(opened.openedAt()).isEqualTo(alarm.raisedAt()); // its SLA clocks run from the fault, not from the repair
        assertThat(alarms.find(alarm.id()).orElseThrow().workOrderId()).isEqualTo(opened.id());

        assertThat(corrective.sweep()).isZero();
        assertThat(workOrderCount()).isEqualTo(1);
    }

    @Test
    void alarmsRaisedBeforeTheHubStoppedGetTheirWorkOrdersAfterItStarts() {
        Alarm first = alarms.raise("ahu-3", FAN_FAILED, TestAlarms.T0);
        Alarm second = alarms.raise("pump-t-1", FAN_FAILED, TestAlarms.T0.plusSeconds(5));
        t.published.clear(); // the hub stopped before their events were handled

        CorrectiveWorkOrders afterRestart = correctiveWorkOrders();
        assertThat(afterRestart.sweep()).isEqualTo(2);
        assertThat(workOrders.all(null)).extracting(WorkOrder::alarmId).containsExactlyInAnyOrder(first.id(), second.id());
    }

    @Test
    void anAlarmCountedOnAnUnfinishedWorkOrderIsCountedOnceHoweverOftenItIsHandled() {
        CorrectiveWorkOrders corrective = correctiveWorkOrders();
        Alarm first = alarms.raise("ahu-3", FAN_FAILED, TestAlarms.T0);
        deliverRaised(corrective);
        corrective.openRaised();
        alarms.clear("ahu-3", FAN_FAILED.id(), TestAlarms.T0.plusSeconds(60));
        alarms.acknowledge(first.id(), "operator-li", null);

        Alarm again = alarms.raise("ahu-3", FAN_FAILED, TestAlarms.T0.plusSeconds(120));
        assertThat(again.id()).isNotEqualTo(first.id());
        List<AlarmRaised> raised = t.published(AlarmRaised.class);
        deliverRaised(corrective);
        corrective.openRaised();
        raised.forEach(corrective::onAlarmRaised); // the same event handled twice
        corrective.openRaised();
        corrective.sweep();

        assertThat(workOrders.all(null)).singleElement().satisfies(w -> {
            assertThat(w.alarmId()).isEqualTo(first.id());
            assertThat(w.occurrences()).isEqualTo(2);
        });
        assertThat(alarms.find(again.id()).orElseThrow().workOrderId()).isEqualTo(workOrders.all(null).get(0).id());
    }

    @Test
    void anAlarmKeptFromTheOperatorGetsNoWorkOrder() {
        CorrectiveWorkOrders corrective = correctiveWorkOrders();
        Alarm first = alarms.raise("ahu-3", FAN_FAILED, TestAlarms.T0);
        deliverRaised(corrective);
        corrective.openRaised();
        alarms.removeFromService(first.id(), "engineer-wang", "permit 1234: fan overhaul");
        alarms.clear("ahu-3", FAN_FAILED.id(), TestAlarms.T0.plusSeconds(60));
        alarms.acknowledge(first.id(), "operator-li", null);

        Alarm duringOverhaul = alarms.raise("ahu-3", FAN_FAILED, TestAlarms.T0.plusSeconds(120));
        assertThat(duringOverhaul.annunciated()).isFalse();
        assertThat(corrective.sweep()).isZero();
        assertThat(workOrderCount()).isEqualTo(1);
    }

    @Test
    void itsThreadOpensTheWorkOrdersOfAlarmsAsTheyAreRaised() {
        CorrectiveWorkOrders corrective = correctiveWorkOrders();
        corrective.start();
        try {
            Alarm alarm = alarms.raise("ahu-3", FAN_FAILED, TestAlarms.T0);
            deliverRaised(corrective);
            await().atMost(Duration.ofSeconds(10)).until(() -> alarms.find(alarm.id()).orElseThrow().workOrderId() != null);
        } finally {
            corrective.stop();
        }
        assertThat(corrective.isRunning()).isFalse();
    }

    @Test
    void theMigrationLinksAlarmsAlreadyAnsweredSoNoneIsOpenedTwice() throws Exception {
        migrationLinksEarlierAnswers(new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""), null);
        try (PostgresSchema postgres = new PostgresSchema(2)) {
            migrationLinksEarlierAnswers(postgres.data, postgres.name);
        }
    }

    /** Alarms and work orders as the hub stored them before V12: one that opened a work order, one counted on it. */
    private static void migrationLinksEarlierAnswers(DataSource data, String schema) {
        var flyway = Flyway.configure().dataSource(data);
        if (schema != null) {
            flyway = flyway.schemas(schema);
        }
        flyway.target("11").load().migrate();
        JdbcClient jdbc = JdbcClient.create(data);
        for (int id = 1; id <= 3; id++) {
            jdbc.sql("""
                    insert into alarm (id, device_id, rule_id, severity, state, message, raised_at, last_raised_at, occurrences, annunciated)
                    values (?, 'ahu-3', 'fan-failed', 'MAJOR', 'NORMAL', 'fan failed', ?, ?, 1, true)""")
                    .params(id, java.sql.Timestamp.from(TestAlarms.T0.plusSeconds(id)), java.sql.Timestamp.from(TestAlarms.T0.plusSeconds(id)))
                    .update();
        }
        jdbc.sql("""
                insert into work_order (id, kind, device_id, rule_id, tier, status, title, opened_at, dispatch_by, respond_by, resolve_by, alarm_id)
                values (10, 'CORRECTIVE', 'ahu-3', 'fan-failed', 'MAJOR', 'OPEN', 'fan failed', ?, ?, ?, ?, 1)""")
                .params(ts(), ts(), ts(), ts()).update();
        jdbc.sql("""
                insert into work_order_event (work_order_id, transition, from_status, to_status, actor, at, details)
                values (10, 'recurrence', 'OPEN', 'OPEN', 'caretaker', ?, 'alarm=2')""").param(ts()).update();

        flyway.target("latest").load().migrate();

        assertThat(jdbc.sql("select alarm_id, work_order_id from work_order_alarm order by alarm_id")
                .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2))).list())
                .containsExactly(List.of(1L, 10L), List.of(2L, 10L)); // alarm 3 never got one: the sweep opens it
    }

    private static java.sql.Timestamp ts() {
        return java.sql.Timestamp.from(TestAlarms.T0);
    }
}
