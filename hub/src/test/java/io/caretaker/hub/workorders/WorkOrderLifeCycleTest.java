package io.caretaker.hub.workorders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.caretaker.deviceprofiles.Severity;
import io.caretaker.deviceprofiles.site.InstalledDevice;
import io.caretaker.deviceprofiles.site.Site;
import io.caretaker.hub.MovableClock;
import io.caretaker.hub.alarms.Alarm;
import io.caretaker.hub.alarms.AlarmState;
import io.caretaker.hub.system.problems.ApiProblems;
import io.caretaker.hub.system.problems.RequestProblems;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

class WorkOrderLifeCycleTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant MONDAY_9 = LocalDateTime.parse("2026-11-23T09:00").atZone(SHANGHAI).toInstant();

    private final MovableClock clock = new MovableClock(MONDAY_9);
    private JdbcClient jdbc;
    private WorkOrderRepository repository;
    private WorkOrderService service;
    private SlaWatch watch;
    private final List<Object> published = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeEach
    void database() {
        DriverManagerDataSource data = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(data).load().migrate();
        jdbc = JdbcClient.create(data);
        repository = new WorkOrderRepository(jdbc);
        Site site = new Site("test", "Test", SHANGHAI, new Site.Calendar(null, null), List.of());
        SlaProperties sla = TestWorkOrders.DOMAIN_TABLE;
        service = new WorkOrderService(repository, new SlaClock(sla, site), site, clock, published::add);
        watch = new SlaWatch(repository, jdbc, published::add, clock, sla);
    }

    @Test
    void aRepairRequestGoesThroughTheWholeProcedureAndEveryStepIsAudited() {
        WorkOrder request = service.openRequest(new RepairRequest("Lamp out in the lift lobby", "third lamp from the left",
                "Office Tower", "12", "Lift lobby", "Ms Li", "138 0000 0000", null, false, null, "desk-wang"));
        assertThat(request.kind()).isEqualTo(WorkOrderKind.REQUEST);
        assertThat(request.tier()).isEqualTo(Tier.MINOR);
        assertThat(request.dispatchBy()).isEqualTo(MONDAY_9.plus(Duration.ofHours(2)));

        step(request.id(), Transition.DISPATCH, new TransitionRequest("desk-wang", Trade.ELECTRICAL, "Zhang Wei", null, null, null, null, null));
        step(request.id(), Transition.START, actor("zhang-wei"));
        clock.set(MONDAY_9.plus(Duration.ofHours(3)));
        WorkOrder completed = step(request.id(), Transition.COMPLETE,
                new TransitionRequest("zhang-wei", null, null, "replaced the lamp", "1 × T8 LED tube", 25, null, null));
        assertThat(completed.completedAt()).isEqualTo(clock.instant());
        assertThat(completed.followUpBy()).isEqualTo(clock.instant().plus(Duration.ofDays(3))); // Thursday, 3 working days
        step(request.id(), Transition.CONFIRM, actor("supervisor-chen"));
        step(request.id(), Transition.FOLLOW_UP, new TransitionRequest("desk-wang", null, null, null, null, null, true, null));
        WorkOrder closed = step(request.id(), Transition.CLOSE, actor("desk-wang"));

        assertThat(closed.status()).isEqualTo(WorkOrderStatus.CLOSED);
        assertThat(closed.trade()).isEqualTo(Trade.ELECTRICAL);
        assertThat(closed.assignee()).isEqualTo("Zhang Wei");
        assertThat(closed.satisfied()).isTrue();
        assertThat(service.history(request.id())).extracting(WorkOrderEvent::transition, WorkOrderEvent::to, WorkOrderEvent::actor)
                .containsExactly(
                        tuple("open", WorkOrderStatus.OPEN, "desk-wang"),
                        tuple("dispatch", WorkOrderStatus.DISPATCHED, "desk-wang"),
                        tuple("start", WorkOrderStatus.IN_PROGRESS, "zhang-wei"),
                        tuple("complete", WorkOrderStatus.COMPLETED, "zhang-wei"),
                        tuple("confirm", WorkOrderStatus.CONFIRMED, "supervisor-chen"),
                        tuple("follow-up", WorkOrderStatus.FOLLOWED_UP, "desk-wang"),
                        tuple("close", WorkOrderStatus.CLOSED, "desk-wang"));
        assertThat(service.history(request.id()).get(3).details()).isEqualTo("notes=replaced the lamp; parts=1 × T8 LED tube; minutesSpent=25");
    }

    @Test
    void anUnsatisfiedFollowUpReopensTheWork() {
        long id = openRequest();
        driveTo(id, WorkOrderStatus.CONFIRMED);

        WorkOrder reopened = service.apply(id, Transition.FOLLOW_UP, new TransitionRequest("desk-wang", null, null, null, null, null, false, null));

        assertThat(reopened.status()).isEqualTo(WorkOrderStatus.OPEN);
        assertThat(reopened.satisfied()).isFalse();
        assertThat(reopened.reopened()).isEqualTo(1);
    }

    @Test
    void everyTransitionIsRefusedFromEveryStatusItDoesNotStartFrom() {
        int refused = 0;
        for (Transition transition : Transition.values()) {
            for (WorkOrderStatus status : EnumSet.complementOf(EnumSet.copyOf(transition.from()))) {
                long id = openRequest();
                repository.moveTo(id, status);
                assertThatThrownBy(() -> service.apply(id, transition, complete()))
                        .as("%s from %s", transition, status)
                        .isInstanceOf(IllegalTransitionException.class)
                        .hasMessageContaining("is " + status);
                assertThat(service.find(id).orElseThrow().status()).isEqualTo(status);
                refused++;
            }
        }
        assertThat(refused).isEqualTo(Transition.values().length * WorkOrderStatus.values().length
                - java.util.Arrays.stream(Transition.values()).mapToInt(t -> t.from().size()).sum());
    }

    @Test
    void cancellingNeedsAReasonAndWorksFromEveryUnfinishedStatus() {
        for (WorkOrderStatus status : List.of(WorkOrderStatus.OPEN, WorkOrderStatus.DISPATCHED, WorkOrderStatus.IN_PROGRESS)) {
            long id = openRequest();
            repository.moveTo(id, status);
            assertThatThrownBy(() -> service.apply(id, Transition.CANCEL, actor("desk-wang")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs reason");

            WorkOrder cancelled = service.apply(id, Transition.CANCEL,
                    new TransitionRequest("desk-wang", null, null, null, null, null, null, "owner withdrew the request"));

            assertThat(cancelled.status()).isEqualTo(WorkOrderStatus.CANCELLED);
            assertThat(service.history(id).get(1).details()).isEqualTo("reason=owner withdrew the request");
        }
    }

    @Test
    void eachTransitionNamesWhatItIsMissing() {
        long id = openRequest();
        assertThatThrownBy(() -> service.apply(id, Transition.DISPATCH, actor("desk-wang"))).hasMessageContaining("needs trade or assignee");
        assertThatThrownBy(() -> service.apply(id, Transition.DISPATCH, new TransitionRequest(null, Trade.HVAC, null, null, null, null, null, null)))
                .hasMessageContaining("needs actor");
        driveTo(id, WorkOrderStatus.IN_PROGRESS);
        assertThatThrownBy(() -> service.apply(id, Transition.COMPLETE, actor("zhang-wei"))).hasMessageContaining("needs notes");
    }

    @Test
    void anUrgentRequestIsMajorAndDispatchedAtOnce() {
        WorkOrder urgent = service.openRequest(new RepairRequest("Water leaking through the ceiling", null, "Residential Block", "3",
                "301", null, "139 0000 0000", null, true, null, "desk-wang"));

        assertThat(urgent.tier()).isEqualTo(Tier.MAJOR);
        assertThat(urgent.dispatchBy()).isEqualTo(MONDAY_9);
        assertThat(urgent.respondBy()).isEqualTo(MONDAY_9.plus(Duration.ofHours(2)));
    }

    @Test
    void aRepairRequestWithoutWhereOrWhoIsRefusedNamingTheField() {
        assertThatThrownBy(() -> service.openRequest(new RepairRequest("Lamp out", null, null, null, null, "Ms Li", null, null, null, null, "desk")))
                .hasMessageContaining("building");
        assertThatThrownBy(() -> service.openRequest(new RepairRequest("Lamp out", null, "Tower", null, null, null, null, null, null, null, "desk")))
                .hasMessageContaining("contactName or contactPhone");
    }

    @Test
    void aFaultThatRecursWhileItsWorkOrderIsOpenCountsAnOccurrenceInsteadOfOpeningAnother() {
        WorkOrder first = service.openCorrective(alarm(1, "meter-1", "voltage-l1-high"));
        WorkOrder again = service.openCorrective(alarm(2, "meter-1", "voltage-l1-high"));
        WorkOrder otherFault = service.openCorrective(alarm(3, "meter-1", "meter-offline"));

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.occurrences()).isEqualTo(2);
        assertThat(otherFault.id()).isNotEqualTo(first.id());

        driveTo(first.id(), WorkOrderStatus.CONFIRMED);
        service.apply(first.id(), Transition.FOLLOW_UP, complete());
        service.apply(first.id(), Transition.CLOSE, actor("desk"));
        clock.advance(Duration.ofDays(6));
        WorkOrder afterClosing = service.openCorrective(alarm(4, "meter-1", "voltage-l1-high"));
        assertThat(afterClosing.id()).isNotEqualTo(first.id());
        assertThat(afterClosing.kind()).isEqualTo(WorkOrderKind.CORRECTIVE);
        assertThat(afterClosing.repeatOf()).isEqualTo(first.id()); // back within the 7-day window: the repair did not last

        WorkOrder longAfter = service.openCorrective(alarm(5, "meter-1", "meter-offline"));
        assertThat(longAfter.id()).isEqualTo(otherFault.id()); // still open: another occurrence
        service.apply(otherFault.id(), Transition.CANCEL, new TransitionRequest("desk", null, null, null, null, null, null, "duplicate"));
        clock.advance(Duration.ofDays(8));
        assertThat(service.openCorrective(alarm(6, "meter-1", "voltage-l1-high")).id()).isEqualTo(afterClosing.id()); // still open
        WorkOrder afterCancel = service.openCorrective(alarm(7, "meter-1", "meter-offline"));
        assertThat(afterCancel.repeatOf()).isNull(); // cancelled work was never a repair

        // the first repair was closed in week 48 and did not last: the first-time-fix rate shows it
        WeeklyReport week48 = new WeeklyReports(repository, new Site("test", "Test", SHANGHAI, null, List.of()), clock).report("2026-W48");
        assertThat(week48.groups()).filteredOn(g -> g.closed() > 0).extracting(WeeklyReport.Group::firstTimeFix).containsExactly(0.0);
    }

    @Test
    void theApiAnswersRefusalsAsProblemDetails() throws Exception {
        Site site = new Site("test", "Test", SHANGHAI, null, List.of());
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new WorkOrderController(service, site)).setControllerAdvice(new RequestProblems(), new ApiProblems()).build();
        long id = openRequest();

        mvc.perform(post("/api/workorders/" + id + "/close").contentType("application/json").content("{\"actor\":\"desk-wang\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("Transition not allowed"))
                .andExpect(jsonPath("$.detail").value("work order " + id + " is OPEN; 'close' is allowed only from [FOLLOWED_UP]"));
        mvc.perform(post("/api/workorders/" + id + "/dispatch").contentType("application/json").content("{\"actor\":\"desk-wang\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Invalid work order request"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("needs trade or assignee")));
        mvc.perform(post("/api/workorders/999/dispatch").contentType("application/json").content("{\"actor\":\"a\",\"trade\":\"HVAC\"}"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.title").value("No such work order"));
        mvc.perform(get("/api/workorders").param("status", "BOGUS"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Invalid work order request"))
                .andExpect(jsonPath("$.detail").value("parameter 'status' is 'BOGUS', not one of OPEN, DISPATCHED, IN_PROGRESS,"
                        + " COMPLETED, CONFIRMED, FOLLOWED_UP, CLOSED, CANCELLED"));
        mvc.perform(post("/api/workorders/" + id + "/dispatch").contentType("application/json"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Invalid work order request"))
                .andExpect(jsonPath("$.detail").value("the request needs a body: send a JSON object of the request's fields"));
        mvc.perform(post("/api/workorders/" + id + "/dispatch").contentType("application/json").content("{\"actor\":\"a\",\"trade\":\"HVAC\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DISPATCHED"))
                .andExpect(jsonPath("$.trade").value("HVAC"));
        mvc.perform(post("/api/workorders").contentType("application/json")
                        .content("{\"title\":\"Door closer broken\",\"building\":\"Office Tower\",\"contactPhone\":\"1\",\"actor\":\"desk\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("REQUEST"));
    }

    @Test
    void slaClocksEscalateOnceWhenNearlyUsedUpAndOnceWhenBreachedAndStopWhenThePromiseIsKept() {
        long id = openRequest(); // MINOR, Monday 09:00: dispatch and respond by 11:00, resolve by Tuesday 09:00

        clock.set(MONDAY_9.plus(Duration.ofMinutes(95)));
        assertThat(watch.check()).isEmpty();
        clock.set(MONDAY_9.plus(Duration.ofMinutes(96))); // 80 % of 2 h
        assertThat(watch.check()).extracting(Escalation::clock, Escalation::level).containsExactlyInAnyOrder(
                tuple(Escalation.SlaClockName.DISPATCH, Escalation.Level.NEAR_BREACH),
                tuple(Escalation.SlaClockName.RESPOND, Escalation.Level.NEAR_BREACH));
        assertThat(watch.check()).isEmpty(); // raised once

        service.apply(id, Transition.DISPATCH, new TransitionRequest("desk", Trade.ELECTRICAL, null, null, null, null, null, null));
        clock.set(MONDAY_9.plus(Duration.ofMinutes(121)));
        assertThat(watch.check()).extracting(Escalation::clock, Escalation::level)
                .containsExactly(tuple(Escalation.SlaClockName.RESPOND, Escalation.Level.BREACHED)); // dispatch was kept

        service.apply(id, Transition.START, actor("li-na"));
        clock.set(MONDAY_9.plus(Duration.ofHours(25)));
        assertThat(watch.check()).extracting(Escalation::clock, Escalation::level).containsExactlyInAnyOrder(
                tuple(Escalation.SlaClockName.RESOLVE, Escalation.Level.BREACHED));

        service.apply(id, Transition.COMPLETE, new TransitionRequest("li-na", null, null, "fixed", null, null, null, null));
        clock.advance(Duration.ofDays(4)); // Saturday: the follow-up call was due on Friday
        assertThat(watch.check()).extracting(Escalation::clock, Escalation::level)
                .containsExactly(tuple(Escalation.SlaClockName.FOLLOW_UP, Escalation.Level.BREACHED));

        assertThat(watch.all(id)).hasSize(5);
        assertThat(published).filteredOn(SlaWatch.EscalationRaised.class::isInstance).hasSize(5);
        assertThat(published).filteredOn(WorkOrderChanged.class::isInstance).extracting(e -> ((WorkOrderChanged) e).type())
                .containsExactly("opened", "dispatch", "start", "complete");
    }

    @Test
    void theWeeklyReportCountsAConstructedWeek() {
        // week 2026-W48: Monday 23 to Sunday 29 November
        long onTime = service.openRequest(new RepairRequest("Lamp out", null, "Office Tower", "12", null, "Ms Li", null, null, null, null, "desk")).id();
        long late = service.openRequest(new RepairRequest("Socket dead", null, "Office Tower", "9", null, "Mr Qian", null, null, null, null, "desk")).id();
        at(30);
        service.apply(onTime, Transition.DISPATCH, new TransitionRequest("desk", Trade.ELECTRICAL, null, null, null, null, null, null));
        at(60);
        service.apply(onTime, Transition.START, actor("zhang"));
        at(180);
        service.apply(late, Transition.DISPATCH, new TransitionRequest("desk", Trade.ELECTRICAL, null, null, null, null, null, null));
        service.apply(onTime, Transition.COMPLETE, new TransitionRequest("zhang", null, null, "new lamp", null, 30, null, null));
        service.apply(onTime, Transition.CONFIRM, actor("chen"));
        at(25 * 60);
        service.apply(onTime, Transition.FOLLOW_UP, new TransitionRequest("desk", null, null, null, null, null, true, null));
        service.apply(onTime, Transition.CLOSE, actor("desk"));
        at(27 * 60);
        service.apply(late, Transition.START, actor("zhang")); // respond-by was Monday 11:00
        at(2 * 24 * 60);
        long urgent = service.openRequest(new RepairRequest("Pipe burst", null, "Residential Block", "3", "301", null, "139", null, true, null, "desk")).id();
        service.apply(urgent, Transition.DISPATCH, new TransitionRequest("desk", Trade.PLUMBING, null, null, null, null, null, null));
        service.apply(urgent, Transition.CANCEL, new TransitionRequest("desk", null, null, null, null, null, null, "owner's own plumber came"));
        clock.set(MONDAY_9);
        WorkOrder corrective = service.openCorrective(alarm(9, "meter-1", "voltage-l1-high"));
        at(120);
        service.apply(corrective.id(), Transition.DISPATCH, new TransitionRequest("desk", Trade.ELECTRICAL, null, null, null, null, null, null));
        service.apply(corrective.id(), Transition.START, actor("zhang"));
        service.apply(corrective.id(), Transition.COMPLETE, new TransitionRequest("zhang", null, null, "reset breaker", null, 10, null, null));
        WorkOrderEvent lastOfTheWeek = service.history(corrective.id()).get(3);
        assertThat(lastOfTheWeek.transition()).isEqualTo("complete");

        clock.set(MONDAY_9.plus(Duration.ofDays(7)));   // read when the week is over
        Site withTheMeter = new Site("test", "Test", SHANGHAI, null,
                List.of(new InstalledDevice("meter-1", "energy-meter-sdm630", "Main incomer meter", "Office Tower", "B1", null, null)));
        WeeklyReport report = new WeeklyReports(repository, withTheMeter, clock).report("2026-W48");

        assertThat(report.monday()).isEqualTo(java.time.LocalDate.of(2026, 11, 23));
        assertThat(report.groups()).containsExactly(
                new WeeklyReport.Group("", "ELECTRICAL", 1, 0, 1.0, 1.0, 1.0, 0.0, null, 1, 0, null),
                // the socket: dispatched and started late, and its resolution (Tuesday 09:00) ran out with the work unfinished
                new WeeklyReport.Group("Office Tower", "ELECTRICAL", 2, 1, 0.5, 0.5, 0.5, 1.0, 1.0, 1, 1, null),
                new WeeklyReport.Group("Residential Block", "PLUMBING", 1, 0, 1.0, null, null, null, null, 0, 0, null));
        assertThat(report.devices()).containsExactly(
                new WeeklyReport.DeviceReliability("meter-1", "Main incomer meter", 1, Duration.ofHours(2), Duration.ofDays(7)));
        assertThat(new WeeklyReports(repository, new Site("test", "Test", SHANGHAI, null, List.of()), clock).report("2026-W49").groups())
                .extracting(WeeklyReport.Group::opened, WeeklyReport.Group::backlog, WeeklyReport.Group::overdue)
                .containsExactly(tuple(0, 1, 0), tuple(0, 1, 1), tuple(0, 0, 0));

        // a request nobody takes up: its dispatch and response (2 h) and resolution (1 working day) run out in the week
        clock.set(MONDAY_9.plus(Duration.ofDays(2)).plus(Duration.ofHours(1)));   // Wednesday 10:00
        service.openRequest(new RepairRequest("Tap dripping", null, "Residential Block", "5", "502", "Mr Sun", null, null, null, null, "desk"));
        clock.set(MONDAY_9.plus(Duration.ofDays(2)).plus(Duration.ofHours(2)));   // Wednesday 11:00: nothing has run out yet
        assertThat(new WeeklyReports(repository, new Site("test", "Test", SHANGHAI, null, List.of()), clock).report("2026-W48").groups())
                .contains(new WeeklyReport.Group("Residential Block", "", 1, 0, null, null, null, null, null, 1, 0, null));
        clock.set(MONDAY_9.plus(Duration.ofDays(7)));                              // read the next Monday: all three broken
        WeeklyReport withTheTap = new WeeklyReports(repository, new Site("test", "Test", SHANGHAI, null, List.of()), clock).report("2026-W48");
        assertThat(withTheTap.groups())
                .contains(new WeeklyReport.Group("Residential Block", "", 1, 0, 0.0, 0.0, 0.0, null, null, 1, 1, null),
                        // the pipe burst was cancelled before its response was due: no promise broken
                        new WeeklyReport.Group("Residential Block", "PLUMBING", 1, 0, 1.0, null, null, null, null, 0, 0, null));

        String csv = WeeklyReportController.csv(report, "zh");
        assertThat(csv).startsWith("\uFEFF楼宇,专业,新建,关闭,及时派工率");
        assertThat(csv).contains("Office Tower,电工,2,1,50%,50%,50%,100%,100%,1,1,–\r\n");
        assertThat(WeeklyReportController.csv(withTheTap, "zh")).contains("Residential Block,未派工,1,0,0%,0%,0%,–,–,1,1,–\r\n");
        String html = WeeklyReportController.html(report, "en");
        assertThat(html).contains("<h1>Weekly work-order report 2026-W48</h1>", "<td>Office Tower</td><td>Electrical</td>", "<td>Main incomer meter (meter-1)</td><td>1</td><td>2h 00m</td><td>168h 00m</td>");
        assertThat(WeeklyReportController.html(report, "zh")).contains("<td>Main incomer meter (meter-1)</td><td>1</td><td>2小时00分</td><td>168小时00分</td>");
        assertThatThrownBy(() -> WeeklyReports.mondayOf("2026-48")).hasMessageContaining("write it like 2026-W48");
    }

    /** Moves the test clock to this many minutes after Monday 09:00 of week 48. */
    private void at(int minutes) {
        clock.set(MONDAY_9.plus(Duration.ofMinutes(minutes)));
    }

    private long openRequest() {
        return service.openRequest(new RepairRequest("Fan coil noisy", null, "Office Tower", "8", "801", "Mr Zhao", null,
                null, null, null, "desk-wang")).id();
    }

    /** Moves a work order along the procedure with valid steps up to {@code target}. */
    private void driveTo(long id, WorkOrderStatus target) {
        List<Transition> path = List.of(Transition.DISPATCH, Transition.START, Transition.COMPLETE, Transition.CONFIRM);
        for (Transition t : path) {
            if (service.find(id).orElseThrow().status() == target) {
                return;
            }
            service.apply(id, t, complete());
        }
    }

    private WorkOrder step(long id, Transition transition, TransitionRequest request) {
        WorkOrder after = service.apply(id, transition, request);
        assertThat(after.status()).isEqualTo(transition.to());
        return after;
    }

    private static TransitionRequest actor(String actor) {
        return new TransitionRequest(actor, null, null, null, null, null, null, null);
    }

    /** Everything any transition may ask for. */
    private static TransitionRequest complete() {
        return new TransitionRequest("tester", Trade.HVAC, "Li Na", "done", null, 10, true, "a reason");
    }

    private Alarm alarm(long id, String deviceId, String ruleId) {
        jdbc.sql("insert into alarm (id, device_id, rule_id, severity, state, message, raised_at, last_raised_at, occurrences) "
                        + "values (?, ?, ?, 'IMPORTANT', 'ACTIVE_UNACKED', 'm', ?, ?, 1)")
                .params(id, deviceId, ruleId, clock.instant().atOffset(ZoneOffset.UTC), clock.instant().atOffset(ZoneOffset.UTC)).update();
        return new Alarm(id, deviceId, ruleId, Severity.IMPORTANT, AlarmState.ACTIVE_UNACKED, "Phase 1 voltage above 253 V",
                clock.instant(), clock.instant(), null, 1, null, null);
    }
}
