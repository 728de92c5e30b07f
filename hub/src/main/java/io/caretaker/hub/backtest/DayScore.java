package io.caretaker.hub.backtest;

import io.caretaker.deviceprofiles.RuleExpression;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Day-level scoring of a backtest against labelled days: a day is flagged when any one rule was active for at least
 * {@code flagAt} of the day's counted rows (those where {@code countWhen} holds, e.g. occupied with the fan on).
 */
public final class DayScore {

    private final RuleExpression countWhen;
    private final double flagAt;
    private final Map<String, Map<LocalDate, Tally>> tallies = new TreeMap<>();

    public DayScore(String countWhen, double flagAt) {
        this.countWhen = RuleExpression.parse(countWhen);
        this.flagAt = flagAt;
    }

    /** The point names the rows' condition reads. */
    public Set<String> countWhenNames() {
        return countWhen.names();
    }

    /** The listener that tallies one device's rows, with days in its history's time zone. */
    public Backtest.RowListener listener(String deviceId, ZoneId zone) {
        Map<LocalDate, Tally> days = tallies.computeIfAbsent(deviceId, d -> new TreeMap<>());
        return (at, values, active) -> {
            if (!counts(values)) {
                return;
            }
            Tally tally = days.computeIfAbsent(LocalDate.ofInstant(at, zone), d -> new Tally());
            tally.rows++;
            for (String rule : active) {
                tally.activeRows.merge(rule, 1L, Long::sum);
            }
        };
    }

    private boolean counts(Map<String, Object> values) {
        for (String name : countWhen.names()) {
            if (!values.containsKey(name)) {
                return false;
            }
        }
        return countWhen.test(values);
    }

    /** One labelled day's verdict: the share of counted rows of the rule that was active longest. */
    public record Day(String deviceId, LocalDate date, boolean fault, String label, long countedRows,
                      String topRule, double topShare, boolean flagged) {
    }

    /**
     * How long one rule's alarms were up on a device's days labelled normal (whole days in the history's time zone, fan
     * on or not): the noise an operator would have seen from it where nothing was wrong.
     */
    public record NormalDayAlarms(String deviceId, String ruleId, Duration active, int alarms, int days) {
    }

    /** The verdicts of every labelled day of every device replayed, the totals, and the alarms on normal days. */
    public record Score(List<Day> days, List<NormalDayAlarms> normalDayAlarms) {

        /** The same verdicts, with what one device's alarms did on its normal days added. */
        public Score withAlarms(String deviceId, List<BacktestAlarm> alarms, ZoneId zone, Instant end) {
            Map<String, Duration> active = new TreeMap<>();
            Map<String, Set<BacktestAlarm>> seen = new HashMap<>();
            Map<String, Set<LocalDate>> daysSeen = new HashMap<>();
            String labelled = deviceId; // as the labels spell it
            for (Day day : days) {
                if (!matches(day, deviceId) || day.fault()) {
                    continue;
                }
                labelled = day.deviceId();
                Instant from = day.date().atStartOfDay(zone).toInstant();
                Instant to = day.date().plusDays(1).atStartOfDay(zone).toInstant();
                for (BacktestAlarm alarm : alarms) {
                    Instant cleared = alarm.clearedAt() == null ? end : alarm.clearedAt();
                    Instant start = alarm.raisedAt().isAfter(from) ? alarm.raisedAt() : from;
                    Instant stop = cleared.isBefore(to) ? cleared : to;
                    if (stop.isAfter(start)) {
                        active.merge(alarm.ruleId(), Duration.between(start, stop), Duration::plus);
                        seen.computeIfAbsent(alarm.ruleId(), r -> new HashSet<>()).add(alarm);
                        daysSeen.computeIfAbsent(alarm.ruleId(), r -> new HashSet<>()).add(day.date());
                    }
                }
            }
            List<NormalDayAlarms> added = new ArrayList<>(normalDayAlarms);
            String device = labelled;
            active.forEach((rule, time) -> added.add(new NormalDayAlarms(device, rule, time, seen.get(rule).size(), daysSeen.get(rule).size())));
            return new Score(days, List.copyOf(added));
        }

        /** How long alarms were up on the normal days of a device (null: every device), all rules together. */
        public Duration alarmTimeOnNormalDays(String deviceId) {
            return normalDayAlarms.stream().filter(a -> deviceId == null || a.deviceId().equalsIgnoreCase(deviceId))
                    .map(NormalDayAlarms::active).reduce(Duration.ZERO, Duration::plus);
        }

        public long faultDays(String deviceId) {
            return days.stream().filter(d -> matches(d, deviceId) && d.fault()).count();
        }

        public long faultDaysFound(String deviceId) {
            return days.stream().filter(d -> matches(d, deviceId) && d.fault() && d.flagged()).count();
        }

        public long normalDays(String deviceId) {
            return days.stream().filter(d -> matches(d, deviceId) && !d.fault()).count();
        }

        public long normalDaysFlagged(String deviceId) {
            return days.stream().filter(d -> matches(d, deviceId) && !d.fault() && d.flagged()).count();
        }

        private static boolean matches(Day day, String deviceId) {
            return deviceId == null || day.deviceId().equalsIgnoreCase(deviceId);
        }
    }

    /**
     * Scores the tallied rows against a labels file: a CSV with a column {@code device} (or {@code dataset}), a column
     * {@code date} (ISO, e.g. 2017-03-11) and a column {@code fault} (or {@code fault_detection_ground_truth_in_csv}),
     * 1 for a day with a fault, 0 for a normal day; an optional {@code fault_type_per_inventory} describes it.
     */
    public Score score(Path labels) {
        List<Day> days = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(labels, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get().parse(reader)) {
            String deviceColumn = column(parser, labels, "device", "dataset");
            String faultColumn = column(parser, labels, "fault", "fault_detection_ground_truth_in_csv");
            column(parser, labels, "date", "date");
            boolean described = parser.getHeaderMap().containsKey("fault_type_per_inventory");
            for (CSVRecord record : parser) {
                String device = record.get(deviceColumn);
                Map<LocalDate, Tally> byDay = tallies.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(device))
                        .map(Map.Entry::getValue).findFirst().orElse(null);
                if (byDay == null) {
                    continue; // a unit not replayed this time
                }
                LocalDate date = LocalDate.parse(record.get("date"));
                Tally tally = byDay.getOrDefault(date, new Tally());
                String top = null;
                double share = 0;
                for (Map.Entry<String, Long> rule : new TreeMap<>(tally.activeRows).entrySet()) {
                    double s = tally.rows == 0 ? 0 : (double) rule.getValue() / tally.rows;
                    if (s > share) {
                        share = s;
                        top = rule.getKey();
                    }
                }
                days.add(new Day(device, date, "1".equals(record.get(faultColumn)),
                        described ? record.get("fault_type_per_inventory") : "", tally.rows, top, share, share >= flagAt));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read labels " + labels, e);
        }
        return new Score(days, List.of());
    }

    /** Every rule's share of the counted rows of each day, for a device: rule → date → share. */
    public Map<String, Map<LocalDate, Double>> shares(String deviceId) {
        Map<String, Map<LocalDate, Double>> shares = new TreeMap<>();
        tallies.getOrDefault(deviceId, Map.of()).forEach((date, tally) -> tally.activeRows.forEach((rule, rows) ->
                shares.computeIfAbsent(rule, r -> new TreeMap<>()).put(date, (double) rows / tally.rows)));
        return shares;
    }

    private static String column(CSVParser parser, Path labels, String name, String alternative) {
        Set<String> header = parser.getHeaderMap().keySet();
        for (String candidate : List.of(name, alternative)) {
            if (header.contains(candidate)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException(labels + ": has no column '" + name + "'" + (name.equals(alternative) ? "" : " or '" + alternative + "'")
                + "; its columns are " + String.join(", ", header));
    }

    private static final class Tally {

        private long rows;
        private final Map<String, Long> activeRows = new HashMap<>();
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }
}
