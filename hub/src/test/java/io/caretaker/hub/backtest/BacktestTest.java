package io.caretaker.hub.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caretaker.connectors.replay.ReplayMapping;
import io.caretaker.deviceprofiles.ProfileCatalog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** History through the shipped Guideline 36 profile and the hub's own rule engine, on event time. */
class BacktestTest {

    private static final ProfileCatalog PROFILES = BacktestCommand.profiles(null);
    private static final LocalDateTime START = LocalDateTime.of(2026, 7, 1, 8, 0);

    @TempDir
    Path dir;

    @Test
    void heatingAndCoolingAtOnceIsRaisedAfterItsDelayAndClearedAfterItsClearDelayOnTheHistorysOwnTime() throws IOException {
        // 20 minutes with both valves open, then 40 with only the cooling valve
        Backtest.Result result = Backtest.run(PROFILES, mapping(Map.of()), history(60, minute -> minute < 20 ? 40 : 0), Backtest.RowListener.NONE);

        assertThat(result.alarms()).extracting(BacktestAlarm::ruleId).containsExactly("heating-and-cooling-at-once");
        BacktestAlarm alarm = result.alarms().get(0);
        assertThat(alarm.raisedAt()).isEqualTo(at(15)); // held from 08:00 for the rule's 15 minutes
        assertThat(alarm.clearedAt()).isEqualTo(at(35)); // stopped at 08:20, clear after 15 minutes
        assertThat(result.summary().rows()).isEqualTo(60);
    }

    @Test
    void aParameterSetForTheDeviceChangesWhatIsRaised() throws IOException {
        Path csv = history(60, minute -> minute < 20 ? 40 : 0);

        Backtest.Result result = Backtest.run(PROFILES, mapping(Map.of("closed", 50.0)), csv, Backtest.RowListener.NONE);

        // a valve under 50% now counts as closed, in every rule that uses the parameter: both valves are "closed",
        // so heating and cooling at once is gone and the air cooled by the 30% cooling valve looks like a leak
        assertThat(result.alarms()).extracting(BacktestAlarm::ruleId).containsExactly("cooling-valve-leaking");
    }

    @Test
    void replayingTheSameHistoryTwiceRaisesTheSameAlarms() throws IOException {
        Path csv = history(300, minute -> minute % 100 < 30 ? 40 : 0);

        List<BacktestAlarm> first = Backtest.run(PROFILES, mapping(Map.of()), csv, Backtest.RowListener.NONE).alarms();
        List<BacktestAlarm> second = Backtest.run(PROFILES, mapping(Map.of()), csv, Backtest.RowListener.NONE).alarms();

        assertThat(first).hasSize(3).isEqualTo(second);
    }

    @Test
    void aGapInTheHistoryIsADeviceThatStoppedReportingOnTheHistorysTime() throws IOException {
        Path csv = history(60, minute -> 0);
        List<String> rows = new java.util.ArrayList<>(Files.readAllLines(csv));
        rows.subList(11, 51).clear(); // no rows from 08:10 to 08:49

        List<BacktestAlarm> alarms = Backtest.run(PROFILES, mapping(Map.of()), Files.write(csv, rows), Backtest.RowListener.NONE).alarms();

        assertThat(alarms).extracting(BacktestAlarm::ruleId).containsExactly("not-reporting");
        assertThat(alarms.get(0).raisedAt()).isEqualTo(at(24)); // last heard at 08:09, quiet for the rule's 15 minutes
        assertThat(alarms.get(0).clearedAt()).isEqualTo(at(50));
    }

    @Test
    void aParameterNoRuleUsesIsRefused() throws IOException {
        ReplayMapping mapping = mapping(Map.of("closd", 5.0));
        Path csv = history(5, minute -> 0);

        assertThatThrownBy(() -> Backtest.run(PROFILES, mapping, csv, Backtest.RowListener.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mapping parameters.closd: no expression rule of profile air-handler-g36 uses it");
    }

    @Test
    void theDayScoreCountsOnlyTheRowsItIsAskedTo() throws IOException {
        Path csv = history(60, minute -> minute < 40 ? 40 : 0);
        Path labels = Files.writeString(dir.resolve("labels.csv"), "device,date,fault\nahu-1,2026-07-01,1\nahu-1,2026-07-02,0\n");
        DayScore score = new DayScore("occupied and supply_fan_status", 0.25);

        Backtest.run(PROFILES, mapping(Map.of()), csv, score.listener("ahu-1", ZoneOffset.UTC));
        DayScore.Score scored = score.score(labels);

        // raised at 08:15, cleared at 08:55: active in 40 of the 60 counted rows
        assertThat(scored.days()).hasSize(2);
        assertThat(scored.days().get(0).topRule()).isEqualTo("heating-and-cooling-at-once");
        assertThat(scored.days().get(0).topShare()).isEqualTo(40.0 / 60);
        assertThat(scored.faultDaysFound("ahu-1")).isEqualTo(1);
        assertThat(scored.normalDaysFlagged("ahu-1")).isZero();
    }

    @Test
    void theAlarmsUpOnANormalDayAreTimedOverTheWholeDay() throws IOException {
        Path csv = history(60, minute -> minute < 40 ? 40 : 0);
        Path labels = Files.writeString(dir.resolve("labels.csv"), "device,date,fault\nAHU-1,2026-07-01,0\nAHU-1,2026-07-02,1\n");
        DayScore score = new DayScore("occupied and supply_fan_status", 0.25);

        Backtest.Result result = Backtest.run(PROFILES, mapping(Map.of()), csv, score.listener("ahu-1", ZoneOffset.UTC));
        DayScore.Score scored = score.score(labels).withAlarms("ahu-1", result.alarms(), ZoneOffset.UTC, at(59));

        // raised at 08:15, cleared at 08:55, on the day labelled normal; the same alarm on a fault day would not count
        assertThat(scored.normalDayAlarms()).containsExactly(
                new DayScore.NormalDayAlarms("AHU-1", "heating-and-cooling-at-once", Duration.ofMinutes(40), 1, 1));
        assertThat(scored.alarmTimeOnNormalDays(null)).isEqualTo(Duration.ofMinutes(40));
        assertThat(score.score(Files.writeString(dir.resolve("fault.csv"), "device,date,fault\nahu-1,2026-07-01,1\n"))
                .withAlarms("ahu-1", result.alarms(), ZoneOffset.UTC, at(59)).normalDayAlarms()).isEmpty();
    }

    @Test
    void theCommandRefusesAScoreItCouldNotMakeNamingTheOptionAndTheFix() throws IOException {
        Path csv = history(10, minute -> 0);
        mapping(Map.of());
        Path labels = Files.writeString(dir.resolve("labels.csv"), "device,date,fault\nahu-1,2026-07-01,1\n");
        String mapping = dir.resolve("mapping.yaml").toString();
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

        // a name the profile lacks would count no row and leave every day unflagged, silently
        assertThatThrownBy(() -> BacktestCommand.run(new String[] {"--labels", labels.toString(), "--count-when", "occupied and fan_on",
                mapping, csv.toString()}, out))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--count-when names 'fan_on', which profile air-handler-g36 does not have; its points: cooling_valve,");
        assertThatThrownBy(() -> BacktestCommand.run(new String[] {"--labels", labels.toString(), "--count-when", "occupied and",
                mapping, csv.toString()}, out))
                .hasMessageStartingWith("--count-when is not a valid expression:")
                .hasMessageEndingWith("; write a condition over the profile's points, e.g. --count-when 'occupied and supply_fan_status'");
        assertThatThrownBy(() -> BacktestCommand.run(new String[] {"--labels", labels.toString(), "--count-when", "occupied",
                "--flag-at", "a quarter", mapping, csv.toString()}, out))
                .hasMessage("--flag-at 'a quarter' is not a share of a day's rows; write a percentage above 0 and at most 100, e.g. --flag-at 25%");
        assertThatThrownBy(() -> BacktestCommand.run(new String[] {"--labels", labels.toString(), "--count-when", "occupied",
                "--flag-at", "250%", mapping, csv.toString()}, out))
                .hasMessageStartingWith("--flag-at '250%' is not a share");
        assertThat(BacktestCommand.run(new String[] {"--labels", labels.toString(), "--count-when", "occupied", "--flag-at", "25%",
                mapping, csv.toString()}, out).days()).hasSize(1);
    }

    private ReplayMapping mapping(Map<String, Double> parameters) throws IOException {
        StringBuilder yaml = new StringBuilder("""
                device: ahu-1
                profile: air-handler-g36
                timestamp: {column: time}
                columns:
                  sat: {point: supply_air_temperature}
                  mat: {point: mixed_air_temperature}
                  rat: {point: return_air_temperature}
                  oat: {point: outdoor_air_temperature}
                  hsp: {point: supply_air_heating_setpoint}
                  csp: {point: supply_air_cooling_setpoint}
                  fan: {point: supply_fan_status}
                  spd: {point: supply_fan_speed}
                  oad: {point: outdoor_air_damper}
                  rad: {point: return_air_damper}
                  ccv: {point: cooling_valve}
                  hcv: {point: heating_valve}
                  occ: {point: occupied}
                """);
        if (!parameters.isEmpty()) {
            yaml.append("parameters:\n");
            parameters.forEach((name, value) -> yaml.append("  ").append(name).append(": ").append(value).append('\n'));
        }
        return ReplayMapping.read(Files.writeString(dir.resolve("mapping.yaml"), yaml));
    }

    /** A calm, cooled unit (supply at its setpoint, mixed between return and outdoor), with the heating valve as given. */
    private Path history(int minutes, java.util.function.IntToDoubleFunction heatingValve) throws IOException {
        StringBuilder csv = new StringBuilder("time,sat,mat,rat,oat,hsp,csp,fan,spd,oad,rad,ccv,hcv,occ\n");
        for (int m = 0; m < minutes; m++) {
            csv.append(START.plusMinutes(m).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME))
                    .append(",13.0,24.0,24.0,24.0,13.0,13.0,1,50,15,85,30,").append(heatingValve.applyAsDouble(m)).append(",1\n");
        }
        return Files.writeString(dir.resolve("history.csv"), csv);
    }

    private static Instant at(int minute) {
        return START.plusMinutes(minute).toInstant(ZoneOffset.UTC);
    }
}
