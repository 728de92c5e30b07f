package io.caretaker.hub.utilisation;

import static io.caretaker.hub.utilisation.TestSite.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.caretaker.deviceprofiles.canonical.PointSample;
import io.caretaker.deviceprofiles.canonical.Value;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Run hours, starts, known time and running out of hours, added up from samples on event time and stored per day. */
class RunTrackerTest {

    private final DataSource data = TestSite.database();
    private final RunTracker tracker = TestSite.tracker(data, Duration.ofDays(1));
    private final UtilisationRepository store = new UtilisationRepository(JdbcClient.create(data));

    @Test
    void aPumpRunsTwiceInADayPartlyOutOfHours() {
        run("pump-1", false, "2026-11-23T06:00");
        run("pump-1", true, "2026-11-23T07:00");   // 1 h before the site opens at 08:00
        run("pump-1", false, "2026-11-23T09:00");
        run("pump-1", true, "2026-11-23T19:00");   // 1 h after it closes at 20:00
        run("pump-1", false, "2026-11-23T21:00");
        tracker.onTick(at("2026-11-24T00:00"));
        tracker.flush();

        assertThat(store.between(LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 23)))
                .extracting(UtilisationRepository.Row::deviceId, UtilisationRepository.Row::knownSeconds, UtilisationRepository.Row::runSeconds,
                        UtilisationRepository.Row::unoccupiedRunSeconds, UtilisationRepository.Row::starts)
                .containsExactly(tuple("pump-1", 18 * 3600.0, 4 * 3600.0, 2 * 3600.0, 2L));
    }

    @Test
    void runningAcrossMidnightIsSplitBetweenTheDaysAndStartsOnce() {
        run("pump-2", false, "2026-11-23T22:00");
        run("pump-2", true, "2026-11-23T23:00");
        run("pump-2", false, "2026-11-24T01:30");
        tracker.onTick(at("2026-11-24T02:00"));
        tracker.flush();

        assertThat(store.between(LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 24)))
                .extracting(UtilisationRepository.Row::day, UtilisationRepository.Row::runSeconds, UtilisationRepository.Row::starts)
                .containsExactly(tuple(LocalDate.of(2026, 11, 23), 3600.0, 1L), tuple(LocalDate.of(2026, 11, 24), 5400.0, 0L));
    }

    @Test
    void runningOnAPublicHolidayIsAllOutOfHours() {
        run("ahu-1", true, "2026-10-01T10:00");
        run("ahu-1", false, "2026-10-01T12:00");
        run("ahu-1", true, "2026-10-08T10:00"); // an ordinary Thursday
        run("ahu-1", false, "2026-10-08T12:00");
        tracker.flush();

        assertThat(store.between(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 8)))
                .extracting(UtilisationRepository.Row::day, UtilisationRepository.Row::unoccupiedRunSeconds)
                .contains(tuple(LocalDate.of(2026, 10, 1), 7200.0), tuple(LocalDate.of(2026, 10, 8), 0.0));
    }

    @Test
    void aLostOrSilentDeviceIsNeitherRunningNorIdle() {
        RunTracker shortMemory = TestSite.tracker(data, Duration.ofMinutes(10));
        shortMemory.onSample(PointSample.good("pump-3", "run_status", at("2026-11-23T10:00"), Value.of(true)));
        shortMemory.onTick(at("2026-11-23T11:00")); // nothing heard for an hour: only the first 10 minutes count
        shortMemory.onSample(PointSample.good("pump-3", "run_status", at("2026-11-23T12:00"), Value.of(true)));
        shortMemory.onSample(PointSample.commLoss("pump-3", "run_status", at("2026-11-23T12:05")));
        shortMemory.onTick(at("2026-11-23T13:00"));
        shortMemory.flush();

        UtilisationRepository.Row day = store.between(LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 23)).get(0);
        assertThat(day.runSeconds()).isEqualTo(15 * 60.0);
        assertThat(day.knownSeconds()).isEqualTo(15 * 60.0);
        assertThat(day.starts()).isZero(); // never seen stopped, so never seen starting
    }

    @Test
    void aCounterRunsWhileItRises() {
        energy(100.0, "2026-11-23T08:00");
        energy(100.0, "2026-11-23T08:05"); // flat: stopped
        energy(101.5, "2026-11-23T08:10"); // rose: ran, and started
        energy(103.0, "2026-11-23T08:15");
        energy(103.0, "2026-11-23T08:20");
        tracker.flush();

        UtilisationRepository.Row day = store.between(LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 23)).get(0);
        assertThat(day.knownSeconds()).isEqualTo(20 * 60.0);
        assertThat(day.runSeconds()).isEqualTo(10 * 60.0);
        assertThat(day.starts()).isEqualTo(1);
    }

    @Test
    void aRestartAddsToTheSameDayAndLifetimeTotalsIncludeWhatIsNotStoredYet() {
        run("pump-1", false, "2026-11-23T08:00");
        run("pump-1", true, "2026-11-23T09:00");
        run("pump-1", false, "2026-11-23T10:00");
        tracker.flush(); // at shutdown

        RunTracker afterRestart = TestSite.tracker(data, Duration.ofDays(1));
        afterRestart.onSample(PointSample.good("pump-1", "run_status", at("2026-11-23T14:00"), Value.of(false)));
        afterRestart.onSample(PointSample.good("pump-1", "run_status", at("2026-11-23T15:00"), Value.of(true)));
        afterRestart.onTick(at("2026-11-23T17:00"));

        assertThat(afterRestart.lifetime("pump-1")).isEqualTo(new RunTracker.RunTotals(3.0, 2));
        afterRestart.flush();
        UtilisationRepository.Row day = store.between(LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 23)).get(0);
        assertThat(day.runSeconds()).isEqualTo(3 * 3600.0);
        assertThat(day.knownSeconds()).isEqualTo(2 * 3600.0 + 3 * 3600.0);
        assertThat(day.starts()).isEqualTo(2);
    }

    @Test
    void keepsTheLatestValueOfACounterAPlanCounts() {
        tracker.onSample(PointSample.good("pump-1", "starts_counter", at("2026-11-23T08:00"), Value.of(950.0)));

        assertThat(tracker.counter("pump-1", "starts_counter")).hasValue(950.0);
        assertThat(tracker.counter("pump-2", "starts_counter")).isEmpty();
    }

    private void run(String device, boolean running, String local) {
        Instant t = at(local);
        tracker.onTick(t);
        tracker.onSample(PointSample.good(device, device.startsWith("ahu") ? "fan_status" : "run_status", t, Value.of(running)));
    }

    private void energy(double kWh, String local) {
        tracker.onSample(PointSample.good("meter-1", "energy", at(local), Value.of(kWh)));
    }
}
