package io.caretaker.hub.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.caretaker.deviceprofiles.ConfigurationLoader;
import io.caretaker.deviceprofiles.ProfileCatalog;
import io.caretaker.deviceprofiles.site.Placeholders;
import io.caretaker.deviceprofiles.site.Site;
import io.caretaker.hub.calendar.CalendarFile;
import io.caretaker.hub.calendar.WorkingCalendar;
import io.caretaker.hub.utilisation.RunTracker;
import io.caretaker.hub.utilisation.TestRunTrackers;
import io.caretaker.simulators.scenario.Scenario;
import io.caretaker.simulators.scenario.ScenarioFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The demo site's last week, played from the simulator models into the run tracker: the idle plant of the demo
 * scenario is in the stored utilisation before the demo starts.
 */
class DemoHistoryTest {

    /** Saturday 28 November 2026, 23:15 in Shanghai: the week filled is 21 to 27 November, and today until now. */
    private static final Instant NOW = Instant.parse("2026-11-28T15:15:00Z");
    private static final LocalDate YESTERDAY = LocalDate.of(2026, 11, 27);

    private static Site site;
    private static ProfileCatalog profiles;
    private static Scenario scenario;
    /** The demo's calendar: the site's weekend with the shipped 2026 holidays and make-up days. */
    private static Predicate<LocalDate> workingDay;

    private final DataSource data = database();
    private final RunTracker tracker = TestRunTrackers.tracker(site, profiles, data, Duration.ofMinutes(10));
    private final JdbcClient sql = JdbcClient.create(data);

    @BeforeAll
    static void demo() throws Exception {
        ConfigurationLoader loader = new ConfigurationLoader();
        profiles = ProfileCatalog.readDirectory(loader, Path.of("../device-profiles/profiles"));
        String siteYaml = new ClassPathResource("caretaker/demo/site.yaml").getContentAsString(StandardCharsets.UTF_8);
        site = loader.readSite("site.yaml", siteYaml, profiles, text -> Placeholders.resolve(text, name -> null));
        scenario = ScenarioFile.parse("scenario.yaml",
                new ClassPathResource("caretaker/demo/scenario.yaml").getContentAsString(StandardCharsets.UTF_8));
        workingDay = WorkingCalendar.of(site).with(CalendarFile.read("china-2026.yaml",
                new ClassPathResource("caretaker/calendars/china-2026.yaml").getContentAsString(StandardCharsets.UTF_8)))::isWorkingDay;
    }

    @Test
    void theIdlePlantOfTheDemoScenarioIsInTheLastWeeksUtilisation() {
        assertThat(DemoHistory.fill(site, profiles, scenario, tracker, workingDay, NOW, 7)).containsExactly(
                "ahu-1", "ahu-2", "ahu-3", "ahu-4", "pump-t-1", "pump-t-2", "ac-clubhouse", "ac-gym", "ac-office-r", "pump-r-1", "pump-r-2");
        tracker.flush();

        double week = 7 * 24 * 3600 + 23.25 * 3600; // 21 November 00:00 to 28 November 23:15
        // heard from their first poll to their last (every 5 s): the standby pumps never ran, the duty pumps never stopped
        assertThat(sum("pump-t-2", "known_seconds")).isCloseTo(week, within(10.0));
        assertThat(sum("pump-t-2", "run_seconds")).isZero();
        assertThat(sum("pump-r-2", "run_seconds")).isZero();
        assertThat(sum("pump-r-1", "run_seconds")).isCloseTo(week, within(10.0));
        // the clubhouse air conditioner runs 12 s in every 10 min: 2%, started six times an hour
        assertThat(sum("ac-clubhouse", "run_seconds") / sum("ac-clubhouse", "known_seconds")).isCloseTo(0.02, within(0.001));
        assertThat(sum("ac-clubhouse", "starts")).isCloseTo(week / 600, within(2.0));
        // beside the gym's unit in use: on 12 minutes in every 30
        assertThat(sum("ac-gym", "run_seconds") / sum("ac-gym", "known_seconds")).isCloseTo(0.40, within(0.01));
        // AHU-4 ran all of Friday, 12 h of it outside 08:00-20:00; AHU-1 on its 07:00-20:00 schedule, 1 h out of hours
        assertThat(day("ahu-4", "run_seconds")).isEqualTo(24 * 3600.0);
        assertThat(day("ahu-4", "unoccupied_run_seconds")).isEqualTo(12 * 3600.0);
        assertThat(day("ahu-1", "run_seconds")).isEqualTo(13 * 3600.0);
        assertThat(day("ahu-1", "unoccupied_run_seconds")).isEqualTo(3600.0);
        // at the weekend the office air handlers stay off, so none is found running while unoccupied; AHU-4 is
        LocalDate sunday = LocalDate.of(2026, 11, 22);
        assertThat(day("ahu-1", sunday, "run_seconds")).isZero();
        assertThat(day("ahu-4", sunday, "unoccupied_run_seconds")).isEqualTo(24 * 3600.0);
    }

    /**
     * Every row of the week, to the last bit of each double: recorded from the fill as it was when it played one device
     * after another on one thread, so playing them side by side (or any other speed-up) must not change a second.
     */
    @Test
    void theWeekIsTheSameRowForRowAsWhenDevicesWerePlayedOneAfterAnother() throws Exception {
        DemoHistory.fill(site, profiles, scenario, tracker, workingDay, NOW, 7);
        tracker.flush();

        String expected = new ClassPathResource("io/caretaker/hub/demo/demo-history-week.csv").getContentAsString(StandardCharsets.UTF_8);
        assertThat(rows()).isEqualTo(expected.lines().toList());
    }

    @Test
    void aDemoRestartedOnTheSameDatabaseIsNotFilledTwice() {
        DemoHistory.fill(site, profiles, scenario, tracker, workingDay, NOW, 1);
        tracker.flush();
        RunTracker restarted = TestRunTrackers.tracker(site, profiles, data, Duration.ofMinutes(10));

        assertThat(DemoHistory.fill(site, profiles, scenario, restarted, workingDay, NOW.plus(Duration.ofHours(1)), 1)).isEmpty();
    }

    @Test
    void noDaysFillsNothing() {
        assertThat(DemoHistory.fill(site, profiles, scenario, tracker, workingDay, NOW, 0)).isEmpty();
        tracker.flush();

        assertThat(sql.sql("select count(*) from utilisation_day").query(Long.class).single()).isZero();
    }

    /** device,day,known,run,unoccupied run,starts: the doubles as Java writes them, so any difference shows. */
    private List<String> rows() {
        return sql.sql("select * from utilisation_day order by device_id, local_day")
                .query((rs, n) -> String.join(",", rs.getString("device_id"), rs.getString("local_day"),
                        Double.toString(rs.getDouble("known_seconds")), Double.toString(rs.getDouble("run_seconds")),
                        Double.toString(rs.getDouble("unoccupied_run_seconds")), Long.toString(rs.getLong("starts"))))
                .list();
    }

    private double sum(String deviceId, String column) {
        return sql.sql("select coalesce(sum(" + column + "), 0) from utilisation_day where device_id = ?").param(deviceId)
                .query(Double.class).single();
    }

    private double day(String deviceId, String column) {
        return day(deviceId, YESTERDAY, column);
    }

    private double day(String deviceId, LocalDate day, String column) {
        return sql.sql("select " + column + " from utilisation_day where device_id = ? and local_day = ?").params(deviceId, day)
                .query(Double.class).single();
    }

    private static DataSource database() {
        DriverManagerDataSource data = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(data).load().migrate();
        return data;
    }
}
