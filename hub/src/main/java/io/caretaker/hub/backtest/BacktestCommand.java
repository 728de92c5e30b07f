package io.caretaker.hub.backtest;

import io.caretaker.connectors.replay.ReplayMapping;
import io.caretaker.deviceprofiles.ConfigurationLoader;
import io.caretaker.deviceprofiles.DeviceProfile;
import io.caretaker.deviceprofiles.InvalidConfigurationException;
import io.caretaker.deviceprofiles.ProfileCatalog;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * {@code scripts/backtest}: replays CSV history through a profile's rules and prints the alarms raised; with
 * {@code --labels}, scores them day by day against labelled days.
 *
 * <pre>
 * backtest [--profiles DIR] [--labels FILE --count-when EXPR [--flag-at 25%]] MAPPING.yaml HISTORY.csv [MAPPING.yaml HISTORY.csv ...]
 * </pre>
 */
public final class BacktestCommand {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    private BacktestCommand() {
    }

    public static void main(String[] args) {
        try {
            run(args, System.out);
        } catch (IllegalArgumentException | InvalidConfigurationException e) {
            System.err.println("backtest: " + e.getMessage());
            System.exit(2);
        }
    }

    /** Runs the command; returns the day score when labels were given, else null. */
    public static DayScore.Score run(String[] args, PrintStream out) {
        Path profilesDir = null;
        Path labels = null;
        String countWhen = null;
        double flagAt = 0.25;
        List<String> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--profiles" -> profilesDir = Path.of(value(args, ++i, "--profiles"));
                case "--labels" -> labels = Path.of(value(args, ++i, "--labels"));
                case "--count-when" -> countWhen = value(args, ++i, "--count-when");
                case "--flag-at" -> flagAt = share(value(args, ++i, "--flag-at"));
                default -> files.add(args[i]);
            }
        }
        if (files.isEmpty() || files.size() % 2 != 0) {
            throw new IllegalArgumentException("give pairs of MAPPING.yaml HISTORY.csv; usage: backtest [--profiles DIR]"
                    + " [--labels FILE --count-when EXPR [--flag-at 25%]] MAPPING.yaml HISTORY.csv ...");
        }
        if (labels != null && countWhen == null) {
            throw new IllegalArgumentException("--labels needs --count-when, the rows a day's share counts,"
                    + " e.g. --count-when 'occupied and supply_fan_status'");
        }
        ProfileCatalog profiles = profiles(profilesDir);
        DayScore score = countWhen == null ? null : dayScore(countWhen, flagAt);
        List<Replayed> replayed = new ArrayList<>();
        for (int i = 0; i < files.size(); i += 2) {
            Path mappingFile = Path.of(files.get(i));
            Path csv = Path.of(files.get(i + 1));
            if (!Files.isRegularFile(csv)) {
                throw new IllegalArgumentException("no history file " + csv);
            }
            ReplayMapping mapping = ReplayMapping.read(mappingFile);
            if (score != null) {
                profiles.find(mapping.profile()).ifPresent(profile -> checkCountWhen(score, profile));
            }
            ZoneId zone = mapping.timestamp().zone();
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long started = System.nanoTime();
            long startedCpu = threads.getCurrentThreadCpuTime();
            Backtest.RowListener listener = score == null ? Backtest.RowListener.NONE : score.listener(mapping.device(), zone);
            Backtest.Result result = Backtest.run(profiles, mapping, csv, new ReplayProgress(listener, mapping.device(), dataRows(csv),
                    zone, System.err, System::nanoTime, PROGRESS_EVERY));
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            Duration cpu = Duration.ofNanos(threads.getCurrentThreadCpuTime() - startedCpu);
            print(out, result, zone, took, cpu);
            replayed.add(new Replayed(result, zone));
        }
        if (score == null || labels == null) {
            return null;
        }
        DayScore.Score scored = score.score(labels);
        for (Replayed one : replayed) {
            scored = scored.withAlarms(one.result().mapping().device(), one.result().alarms(), one.zone(), one.result().summary().last());
        }
        printScore(out, scored, flagAt, countWhen);
        return scored;
    }

    private record Replayed(Backtest.Result result, ZoneId zone) {
    }

    private static void print(PrintStream out, Backtest.Result result, ZoneId zone, Duration took, Duration cpu) {
        var summary = result.summary();
        out.printf(Locale.ROOT, "%s (%s): %d rows, %d samples, %s to %s, replayed in %.1f s (%.1f s of CPU)%n", result.mapping().device(),
                result.mapping().profile(), summary.rows(), summary.samples(), time(summary.first(), zone), time(summary.last(), zone),
                took.toMillis() / 1000.0, cpu.toMillis() / 1000.0);
        summary.badCellsByColumn().forEach((column, n) -> out.printf(Locale.ROOT, "  %d cells of '%s' were not values (BAD samples)%n", n, column));
        out.printf(Locale.ROOT, "  %d alarms raised%n", result.alarms().size());
        out.printf(Locale.ROOT, "  %-34s %-9s %-16s %-16s %8s  %s%n", "RULE", "SEVERITY", "RAISED", "CLEARED", "MINUTES", "MESSAGE");
        for (BacktestAlarm alarm : result.alarms()) {
            out.printf(Locale.ROOT, "  %-34s %-9s %-16s %-16s %8d  %s%n", alarm.ruleId(), alarm.severity(), time(alarm.raisedAt(), zone),
                    alarm.clearedAt() == null ? "(still active)" : time(alarm.clearedAt(), zone),
                    alarm.duration(summary.last()).toMinutes(), alarm.message() == null ? "" : alarm.message());
        }
    }

    private static void printScore(PrintStream out, DayScore.Score score, double flagAt, String countWhen) {
        out.printf(Locale.ROOT, "%nDay-level score: a day is flagged when one rule is active for >= %s of its rows where %s%n",
                DayScore.percent(flagAt), countWhen);
        out.printf(Locale.ROOT, "  %-8s %-10s %-6s %-7s %-34s %5s  %s%n", "UNIT", "DAY", "TRUTH", "FLAGGED", "RULE ACTIVE LONGEST", "SHARE", "LABEL");
        Map<String, List<DayScore.Day>> byDevice = new TreeMap<>();
        for (DayScore.Day day : score.days()) {
            byDevice.computeIfAbsent(day.deviceId(), d -> new ArrayList<>()).add(day);
            out.printf(Locale.ROOT, "  %-8s %-10s %-6s %-7s %-34s %5s  %s%n", day.deviceId(), day.date(), day.fault() ? "fault" : "normal",
                    day.flagged() ? (day.fault() ? "yes TP" : "yes FP") : (day.fault() ? "no  FN" : "no"),
                    day.topRule() == null ? "-" : day.topRule(), DayScore.percent(day.topShare()), day.label());
        }
        for (String device : byDevice.keySet()) {
            out.printf(Locale.ROOT, "%s: fault days found %d of %d (true positives), normal days flagged %d of %d (false positives)%n",
                    device, score.faultDaysFound(device), score.faultDays(device), score.normalDaysFlagged(device), score.normalDays(device));
        }
        out.printf(Locale.ROOT, "all units: fault days found %d of %d, normal days flagged %d of %d%n",
                score.faultDaysFound(null), score.faultDays(null), score.normalDaysFlagged(null), score.normalDays(null));
        out.printf(Locale.ROOT, "%nAlarms up on the days labelled normal (whole days, fan on or not): what an operator would have seen where"
                + " nothing was wrong%n");
        if (score.normalDayAlarms().isEmpty()) {
            out.printf(Locale.ROOT, "  none%n");
        }
        for (DayScore.NormalDayAlarms alarms : score.normalDayAlarms()) {
            out.printf(Locale.ROOT, "  %-8s %-34s %6.1f h  %d alarm%s on %d day%s%n", alarms.deviceId(), alarms.ruleId(),
                    alarms.active().toMinutes() / 60.0, alarms.alarms(), alarms.alarms() == 1 ? "" : "s", alarms.days(), alarms.days() == 1 ? "" : "s");
        }
        for (String device : byDevice.keySet()) {
            out.printf(Locale.ROOT, "%s: %.1f h of alarms on %s%n", device, score.alarmTimeOnNormalDays(device).toMinutes() / 60.0,
                    normalDays(score.normalDays(device)));
        }
        out.printf(Locale.ROOT, "all units: %.1f h of alarms on %s%n", score.alarmTimeOnNormalDays(null).toMinutes() / 60.0,
                normalDays(score.normalDays(null)));
    }

    private static String normalDays(long n) {
        return n + (n == 1 ? " normal day" : " normal days");
    }

    private static String time(Instant at, ZoneId zone) {
        return at == null ? "-" : MINUTE.format(at.atZone(zone));
    }

    /** The file's lines after the header: a quick count first, so progress can say how far through it a replay is. */
    private static long dataRows(Path csv) {
        try (var lines = Files.lines(csv, StandardCharsets.UTF_8)) {
            return Math.max(0, lines.count() - 1);
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    private static double share(String text) {
        try {
            double share = Double.parseDouble(text.strip().replace("%", "")) / 100;
            if (share > 0 && share <= 1) {
                return share;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException("--flag-at '" + text + "' is not a share of a day's rows; write a percentage above 0"
                + " and at most 100, e.g. --flag-at 25%");
    }

    private static DayScore dayScore(String countWhen, double flagAt) {
        try {
            return new DayScore(countWhen, flagAt);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--count-when " + e.getMessage()
                    + "; write a condition over the profile's points, e.g. --count-when 'occupied and supply_fan_status'", e);
        }
    }

    /** A name the profile lacks would leave no row counted, and every day unflagged without a word. */
    private static void checkCountWhen(DayScore score, DeviceProfile profile) {
        Set<String> points = new TreeSet<>();
        profile.points().forEach(point -> points.add(point.id()));
        for (String name : score.countWhenNames()) {
            if (!points.contains(name)) {
                throw new IllegalArgumentException("--count-when names '" + name + "', which profile " + profile.id()
                        + " does not have; its points: " + String.join(", ", points));
            }
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    /** The profiles shipped with the hub, and those of a folder (a profile under test) over them. */
    static ProfileCatalog profiles(Path directory) {
        Map<String, String> files = new TreeMap<>();
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:caretaker/profiles/*.yaml")) {
                files.put(r.getFilename(), r.getContentAsString(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the shipped profiles", e);
        }
        if (directory != null) {
            if (!Files.isDirectory(directory)) {
                throw new IllegalArgumentException("--profiles " + directory + " is not a folder of *.yaml profiles");
            }
            ProfileCatalog.yamlFilesIn(directory).forEach((path, yaml) -> files.put(Path.of(path).getFileName().toString(), yaml));
        }
        return ProfileCatalog.read(new ConfigurationLoader(), files);
    }
}
