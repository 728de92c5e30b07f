package io.caretaker.hub.utilisation;

import static io.caretaker.hub.utilisation.TestSite.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.caretaker.deviceprofiles.canonical.PointSample;
import io.caretaker.deviceprofiles.canonical.Value;
import io.caretaker.hub.MovableClock;
import io.caretaker.hub.system.problems.ApiProblems;
import io.caretaker.hub.system.problems.RequestProblems;
import io.caretaker.hub.workorders.TestWorkOrders;
import io.caretaker.hub.workorders.Transition;
import io.caretaker.hub.workorders.TransitionRequest;
import io.caretaker.hub.workorders.WorkOrder;
import io.caretaker.hub.workorders.WorkOrderKind;
import io.caretaker.hub.workorders.WorkOrderService;
import io.caretaker.hub.workorders.WorkOrderStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * A constructed week (Mon 16 to Sun 22 November 2026): two pumps run 08:00-16:00 every day, the third as the test
 * says; the office air handler runs on the Sunday. The check runs on Monday morning on a controllable clock.
 */
class IdleFindingsTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 16);

    private final DataSource data = TestSite.database();
    private final MovableClock clock = new MovableClock(at("2026-11-16T00:00"));
    private final RunTracker tracker = TestSite.tracker(data, Duration.ofDays(1));
    private final UtilisationRepository store = new UtilisationRepository(JdbcClient.create(data));
    private final WorkOrderService workOrders = TestWorkOrders.service(data, TestSite.SITE, clock, event -> { });
    private final IdleFindings findings = new IdleFindings(tracker, store, workOrders, TestSite.SITE, TestSite.PROFILES,
            TestSite.properties(Duration.ofDays(1)), clock, TestSite.CALENDAR);

    @Test
    void aPumpThatNeverRanAndAnAirHandlerRunningOnSundayGetOneReviewEach() {
        week(0);
        clock.set(at("2026-11-23T09:00"));

        List<WorkOrder> opened = findings.check();

        assertThat(opened).extracting(WorkOrder::kind, WorkOrder::deviceId, WorkOrder::ruleId, WorkOrder::status)
                .containsExactlyInAnyOrder(
                        tuple(WorkOrderKind.IDLE_REVIEW, "pump-3", "idle-never-ran", WorkOrderStatus.OPEN),
                        tuple(WorkOrderKind.IDLE_REVIEW, "ahu-1", "idle-ran-unoccupied", WorkOrderStatus.OPEN));
        WorkOrder ahu = opened.stream().filter(w -> w.deviceId().equals("ahu-1")).findFirst().orElseThrow();
        assertThat(ahu.description()).contains("On 2026-11-22 it ran 3.0 h outside the occupied hours");
        assertThat(ahu.location().building()).isEqualTo("Office Tower");

        clock.advance(Duration.ofHours(1));
        assertThat(findings.check()).as("at most one open per device and finding").isEmpty();
    }

    @Test
    void aPumpRunningAnEighthOfItsPeersIsFlaggedAndFlaggedAgainOnlyOnceTheFirstReviewIsFinished() {
        week(1);
        clock.set(at("2026-11-23T09:00"));

        List<WorkOrder> opened = findings.check();

        assertThat(opened).extracting(WorkOrder::deviceId, WorkOrder::ruleId).contains(tuple("pump-3", "idle-below-peers"))
                .doesNotContain(tuple("pump-3", "idle-never-ran"));
        WorkOrder review = opened.stream().filter(w -> w.deviceId().equals("pump-3")).findFirst().orElseThrow();
        assertThat(review.description()).contains("Duty cycle 4% from 2026-11-16 to 2026-11-22; the other test-pump devices' median is 33%");

        assertThat(findings.check()).isEmpty();
        workOrders.apply(review.id(), Transition.CANCEL, new TransitionRequest("engineer-liu", null, null, null, null, null, null,
                "standby pump by design"));
        assertThat(findings.check()).extracting(WorkOrder::deviceId, WorkOrder::ruleId).containsExactly(tuple("pump-3", "idle-below-peers"));
    }

    @Test
    void aDeviceTrackedForFewerDaysThanTheWindowIsNotCalledNeverRunningYet() {
        week(0);
        clock.set(at("2026-11-22T09:00")); // yesterday is Saturday: only six days known

        // not "never ran" yet; that it runs far less than its peers is already plain
        assertThat(findings.check()).extracting(WorkOrder::deviceId, WorkOrder::ruleId)
                .doesNotContain(tuple("pump-3", "idle-never-ran")).contains(tuple("pump-3", "idle-below-peers"));
    }

    @Test
    void anHourOfPreStartBeforeTheSiteOpensIsAllowedButMoreIsRunningOutOfHours() {
        sample("ahu-1", "fan_status", false, MONDAY.plusDays(3), "00:00");
        sample("ahu-1", "fan_status", true, MONDAY.plusDays(3), "07:00");   // Thursday: exactly the 1 h allowed before 08:00
        sample("ahu-1", "fan_status", false, MONDAY.plusDays(3), "20:00");
        sample("ahu-1", "fan_status", true, MONDAY.plusDays(4), "06:59");   // Friday: a minute more
        sample("ahu-1", "fan_status", false, MONDAY.plusDays(4), "20:00");
        tracker.onTick(at("2026-11-21T00:00"));

        clock.set(at("2026-11-20T09:00"));
        assertThat(findings.check()).isEmpty();
        clock.set(at("2026-11-21T09:00"));
        assertThat(findings.check()).extracting(WorkOrder::deviceId, WorkOrder::ruleId).containsExactly(tuple("ahu-1", "idle-ran-unoccupied"));
    }

    @Test
    void theApiRanksTheMostIdleFirstWithItsPeers() throws Exception {
        week(1);
        clock.set(at("2026-11-23T09:00"));
        MockMvc api = MockMvcBuilders.standaloneSetup(new UtilisationController(
                new UtilisationService(tracker, store, TestSite.SITE), clock, TestSite.CALENDAR))
                .setControllerAdvice(new RequestProblems(), new ApiProblems()).build();

        api.perform(get("/api/utilisation").param("from", "2026-11-16").param("to", "2026-11-22"))
                .andExpect(status().isOk())
                // the air handler ran 3 h in the week, pump-3 7 h; the meter reported nothing, so it comes last
                .andExpect(jsonPath("$.ranking[*].deviceId").value(org.hamcrest.Matchers.contains("ahu-1", "pump-3", "pump-1", "pump-2", "meter-1")))
                .andExpect(jsonPath("$.ranking[0].idleDays").value(6))
                .andExpect(jsonPath("$.ranking[0].peerDutyCycle").doesNotExist())
                .andExpect(jsonPath("$.ranking[1].runHours").value(7.0))
                .andExpect(jsonPath("$.ranking[1].starts").value(7))
                .andExpect(jsonPath("$.ranking[1].dutyCycle").value(0.0417))
                .andExpect(jsonPath("$.ranking[1].peerDutyCycle").value(0.3333))
                .andExpect(jsonPath("$.ranking[1].idleDays").value(0))
                .andExpect(jsonPath("$.ranking[4].dutyCycle").doesNotExist())
                .andExpect(jsonPath("$.days.length()").value(7 * 4)) // the three pumps and the air handler each day
                .andExpect(jsonPath("$.days[9].deviceId").value("pump-1")) // by device, then day: after ahu-1's seven, pump-1's third
                .andExpect(jsonPath("$.days[9].runHours").value(8.0))
                .andExpect(jsonPath("$.days[9].dutyCycle").value(0.3333));
        api.perform(get("/api/utilisation").param("from", "16/11/2026"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Bad utilisation query"))
                .andExpect(jsonPath("$.detail").value("from=16/11/2026 is not a date; write it as 2026-11-28 (the site's local day)"));
    }

    /** Seven days of samples; pump-3 runs {@code pump3Hours} a day from 08:00. */
    private void week(int pump3Hours) {
        for (int d = 0; d < 7; d++) {
            LocalDate day = MONDAY.plusDays(d);
            sample("pump-1", "run_status", false, day, "00:00");
            sample("pump-2", "run_status", false, day, "00:00");
            sample("pump-3", "run_status", false, day, "00:00");
            sample("ahu-1", "fan_status", false, day, "00:00");
            sample("pump-1", "run_status", true, day, "08:00");
            sample("pump-2", "run_status", true, day, "08:00");
            if (pump3Hours > 0) {
                sample("pump-3", "run_status", true, day, "08:00");
                sample("pump-3", "run_status", false, day, String.format("%02d:00", 8 + pump3Hours));
            }
            if (d == 6) {
                sample("ahu-1", "fan_status", true, day, "10:00");
                sample("ahu-1", "fan_status", false, day, "13:00");
            }
            sample("pump-1", "run_status", false, day, "16:00");
            sample("pump-2", "run_status", false, day, "16:00");
        }
        tracker.onTick(at("2026-11-23T00:00"));
    }

    private void sample(String device, String point, boolean running, LocalDate day, String time) {
        Instant t = at(day + "T" + time);
        tracker.onTick(t);
        tracker.onSample(PointSample.good(device, point, t, Value.of(running)));
    }
}
