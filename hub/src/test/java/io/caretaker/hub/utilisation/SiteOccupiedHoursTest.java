package io.caretaker.hub.utilisation;

import static io.caretaker.hub.utilisation.TestSite.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.caretaker.deviceprofiles.canonical.PointSample;
import io.caretaker.deviceprofiles.canonical.Value;
import io.caretaker.deviceprofiles.site.Site;
import io.caretaker.hub.MovableClock;
import io.caretaker.hub.calendar.CalendarFile;
import io.caretaker.hub.calendar.WorkingCalendar;
import io.caretaker.hub.workorders.TestWorkOrders;
import io.caretaker.hub.workorders.WorkOrder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A site whose site file gives its own occupied hours (07:00-22:00) while the hub-wide setting says 08:00-20:00, on
 * the shipped 2026 calendar file: "ran while unoccupied" follows the site's hours and National Day's holidays and
 * make-up days; a site file without hours falls back to the hub-wide ones. Event time, checked on a movable clock.
 */
class SiteOccupiedHoursTest {

    private static final Site.Occupied SEVEN_TO_TEN = new Site.Occupied(LocalTime.of(7, 0), LocalTime.of(22, 0));

    private final DataSource data = TestSite.database();
    private final UtilisationRepository store = new UtilisationRepository(JdbcClient.create(data));
    private final MovableClock clock = new MovableClock(at("2026-10-01T00:00"));

    @Test
    void ranWhileUnoccupiedFollowsTheSitesOwnHoursAndTheCalendarFile() {
        Site site = site(SEVEN_TO_TEN);
        RunTracker tracker = tracker(site);
        IdleFindings findings = new IdleFindings(tracker, store, TestWorkOrders.service(data, site, clock, event -> { }), site,
                TestSite.PROFILES, TestSite.properties(Duration.ofDays(1)), clock, calendar(site));

        runAirHandler(tracker, "2026-10-01", "10:00", "13:00"); // Thursday, National Day
        clock.set(at("2026-10-02T09:00"));
        List<WorkOrder> holiday = findings.check();
        runAirHandler(tracker, "2026-10-09", "07:00", "22:00"); // Friday: the site's hours, not the hub's 08:00-20:00
        clock.set(at("2026-10-10T09:00"));
        List<WorkOrder> friday = findings.check();
        runAirHandler(tracker, "2026-10-10", "07:30", "21:00"); // Saturday, worked for National Day (调休)
        clock.set(at("2026-10-11T09:00"));
        List<WorkOrder> makeUpSaturday = findings.check();

        assertThat(holiday).extracting(WorkOrder::deviceId, WorkOrder::ruleId).containsExactly(tuple("ahu-1", "idle-ran-unoccupied"));
        assertThat(holiday.get(0).description()).contains("On 2026-10-01 it ran 3.0 h outside the occupied hours");
        assertThat(friday).isEmpty();
        assertThat(makeUpSaturday).isEmpty();
        assertThat(unoccupiedHours()).containsExactly(3.0, 0.0, 0.0);
    }

    @Test
    void aSiteFileWithoutOccupiedHoursUsesTheHubWideOnes() {
        RunTracker tracker = tracker(site(null));

        runAirHandler(tracker, "2026-10-01", "10:00", "13:00");
        runAirHandler(tracker, "2026-10-09", "07:00", "22:00"); // 1 h before 08:00 and 2 h after 20:00
        runAirHandler(tracker, "2026-10-10", "07:30", "21:00"); // half an hour before, one hour after
        tracker.flush();

        assertThat(unoccupiedHours()).containsExactly(3.0, 3.0, 1.5);
    }

    /** The test site's devices; the site file knows only the weekend, the holidays come from the calendar file. */
    private static Site site(Site.Occupied occupied) {
        return new Site("test", "Test", TestSite.SHANGHAI, new Site.Calendar(null, null), TestSite.SITE.devices(), null, occupied);
    }

    private static WorkingCalendar calendar(Site site) {
        try {
            return WorkingCalendar.of(site).with(CalendarFile.read("china-2026.yaml",
                    new ClassPathResource("caretaker/calendars/china-2026.yaml").getContentAsString(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private RunTracker tracker(Site site) {
        return new RunTracker(site, TestSite.PROFILES, calendar(site), TestSite.properties(Duration.ofDays(1)), store);
    }

    /** The air handler is off from midnight, runs from {@code on} to {@code off}, and the day is closed at the next midnight. */
    private static void runAirHandler(RunTracker tracker, String day, String on, String off) {
        sample(tracker, day + "T00:00", false);
        sample(tracker, day + "T" + on, true);
        sample(tracker, day + "T" + off, false);
        tracker.onTick(at(LocalDate.parse(day).plusDays(1) + "T00:00"));
    }

    private static void sample(RunTracker tracker, String local, boolean running) {
        tracker.onTick(at(local));
        tracker.onSample(PointSample.good("ahu-1", "fan_status", at(local), Value.of(running)));
    }

    /** The air handler's hours run outside occupied hours, on each day it ran (1, 9 and 10 October). */
    private List<Double> unoccupiedHours() {
        return store.between(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 10)).stream()
                .filter(row -> row.deviceId().equals("ahu-1") && row.runSeconds() > 0).map(row -> row.unoccupiedRunSeconds() / 3600).toList();
    }
}
