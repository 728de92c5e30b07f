package io.caretaker.hub.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.caretaker.connectors.replay.ReplayMapping;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Guideline 36 rule set on LBNL's labelled air-handler days, scored as README.md states
 * (scripts/backtest-lbnl). Skips where the data set is not beside the repository.
 */
class LbnlBacktestIT {

    private static final Path DATA = Path.of("../../shared/data/fdd/lbnl-ahu");
    private static final Path MAPPINGS = Path.of("../connectors/replay/mappings");

    @BeforeAll
    static void dataPresent() {
        Assumptions.assumeTrue(Files.isRegularFile(DATA.resolve("SZCAV.csv")),
                "LBNL data not found at " + DATA.toAbsolutePath().normalize() + "; the shared data folder holds it");
    }

    @Test
    void scoresWhatTheReadmeStates() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        DayScore.Score score = BacktestCommand.run(new String[] {
                "--labels", DATA.resolve("labels_by_day.csv").toString(),
                "--count-when", "occupied and supply_fan_status", "--flag-at", "25%",
                MAPPINGS.resolve("lbnl-szcav.yaml").toString(), DATA.resolve("SZCAV.csv").toString(),
                MAPPINGS.resolve("lbnl-szvav.yaml").toString(), DATA.resolve("SZVAV.csv").toString()},
                new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(score.days()).hasSize(26);
        assertThat(score.faultDaysFound("SZCAV")).isEqualTo(README_SZCAV_FOUND);
        assertThat(score.normalDaysFlagged("SZCAV")).isEqualTo(README_SZCAV_FALSE);
        assertThat(score.faultDaysFound("SZVAV")).isEqualTo(README_SZVAV_FOUND);
        assertThat(score.normalDaysFlagged("SZVAV")).isEqualTo(README_SZVAV_FALSE);
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("all units: fault days found " + (README_SZCAV_FOUND + README_SZVAV_FOUND) + " of 21, normal days flagged "
                        + (README_SZCAV_FALSE + README_SZVAV_FALSE) + " of 5");
        // out of hours the units leave the supply air alone; its setpoint is judged in occupied mode only
        assertThat(score.normalDayAlarms()).extracting(DayScore.NormalDayAlarms::ruleId).doesNotContain("supply-air-off-setpoint");
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("all units: " + README_NORMAL_DAY_ALARM_HOURS + " h of alarms on 5 normal days");
    }

    @Test
    void eachDayReplayedOnItsOwnScoresTheSame(@TempDir Path days) throws IOException {
        // no day may be found only by an alarm carried over from the day before, across the data set's missing days
        List<String> args = new ArrayList<>(List.of("--labels", DATA.resolve("labels_by_day.csv").toString(),
                "--count-when", "occupied and supply_fan_status", "--flag-at", "25%"));
        for (String unit : List.of("SZCAV", "SZVAV")) {
            List<String> rows = Files.readAllLines(DATA.resolve(unit + ".csv"));
            Map<String, List<String>> byDay = new LinkedHashMap<>();
            for (String row : rows.subList(1, rows.size())) {
                byDay.computeIfAbsent(row.substring(0, row.indexOf(' ')), day -> new ArrayList<>(List.of(rows.get(0)))).add(row);
            }
            for (Map.Entry<String, List<String>> day : byDay.entrySet()) {
                Path csv = Files.write(days.resolve(unit + "-" + day.getKey().replace('/', '-') + ".csv"), day.getValue());
                args.add(MAPPINGS.resolve("lbnl-" + unit.toLowerCase(Locale.ROOT) + ".yaml").toString());
                args.add(csv.toString());
            }
        }

        DayScore.Score score = BacktestCommand.run(args.toArray(String[]::new), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        assertThat(score.days()).hasSize(26);
        assertThat(score.faultDaysFound("SZCAV")).isEqualTo(README_SZCAV_FOUND);
        assertThat(score.normalDaysFlagged("SZCAV")).isEqualTo(README_SZCAV_FALSE);
        assertThat(score.faultDaysFound("SZVAV")).isEqualTo(README_SZVAV_FOUND);
        assertThat(score.normalDaysFlagged("SZVAV")).isEqualTo(README_SZVAV_FALSE);
    }

    @Test
    void replayingTheDataTwiceRaisesTheSameAlarms() {
        ReplayMapping mapping = ReplayMapping.read(MAPPINGS.resolve("lbnl-szcav.yaml"));
        var profiles = BacktestCommand.profiles(null);

        List<BacktestAlarm> first = Backtest.run(profiles, mapping, DATA.resolve("SZCAV.csv"), Backtest.RowListener.NONE).alarms();
        List<BacktestAlarm> second = Backtest.run(profiles, mapping, DATA.resolve("SZCAV.csv"), Backtest.RowListener.NONE).alarms();

        assertThat(first).isNotEmpty().isEqualTo(second);
    }

    // the numbers README.md states under "Backtesting on history"
    private static final long README_SZCAV_FOUND = 9;
    private static final long README_SZCAV_FALSE = 0;
    private static final long README_SZVAV_FOUND = 5;
    private static final long README_SZVAV_FALSE = 0;
    private static final String README_NORMAL_DAY_ALARM_HOURS = "0.7";
}
