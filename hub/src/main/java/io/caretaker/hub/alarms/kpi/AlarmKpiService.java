package io.caretaker.hub.alarms.kpi;

import io.caretaker.deviceprofiles.Severity;
import io.caretaker.hub.alarms.AlarmProperties;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Computes the alarm-system KPIs of a window from the alarm audit trail. A flood is an interval of 10 minutes (from
 * the window's start) with at least caretaker.alarms.kpi.flood-at annunciated alarms; its share of time is the flooded
 * intervals' length over the window's. Chattering uses caretaker.alarms.chattering, as the live flag on the alarm does.
 */
@Service
public class AlarmKpiService {

    static final Duration INTERVAL = Duration.ofMinutes(10);
    private static final int BAD_ACTORS = 10;

    private final AlarmKpiRepository events;
    private final AlarmProperties properties;

    AlarmKpiService(AlarmKpiRepository events, AlarmProperties properties) {
        this.events = events;
        this.properties = properties;
    }

    public AlarmKpis over(Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("the KPI window must end after it starts: from=" + from + " to=" + to);
        }
        Duration window = Duration.between(from, to);
        if (window.compareTo(properties.kpi().maxWindow()) > 0) {
            throw new IllegalArgumentException("the KPI window " + window + " is longer than " + properties.kpi().maxWindow()
                    + " (caretaker.alarms.kpi.max-window); ask for a shorter one");
        }
        List<AlarmKpiRepository.Event> inWindow = events.annunciationsAndActivations(from, to);
        List<AlarmKpiRepository.Event> annunciated = inWindow.stream().filter(AlarmKpiRepository.Event::annunciated).toList();
        int activations = (int) inWindow.stream().filter(AlarmKpiRepository.Event::activation).count();

        List<AlarmKpis.Interval> intervals = intervals(from, to, annunciated);
        int floodAt = properties.kpi().floodAt();
        Duration flooded = intervals.stream().filter(AlarmKpis.Interval::flood).map(AlarmKpis.Interval::length).reduce(Duration.ZERO, Duration::plus);
        double tenMinutes = (double) window.toMillis() / INTERVAL.toMillis();

        return new AlarmKpis(from, to, annunciated.size(), activations, intervals, round(annunciated.size() / tenMinutes),
                intervals.stream().mapToInt(AlarmKpis.Interval::alarms).max().orElse(0), floodAt,
                (int) intervals.stream().filter(AlarmKpis.Interval::flood).count(),
                round(100.0 * flooded.toMillis() / window.toMillis()), chattering(inWindow), stale(from, to),
                badActors(annunciated), priorities(annunciated));
    }

    private List<AlarmKpis.Interval> intervals(Instant from, Instant to, List<AlarmKpiRepository.Event> annunciated) {
        List<AlarmKpis.Interval> intervals = new ArrayList<>();
        int next = 0;
        for (Instant start = from; start.isBefore(to); start = start.plus(INTERVAL)) {
            Instant end = start.plus(INTERVAL).isAfter(to) ? to : start.plus(INTERVAL);
            int alarms = 0;
            while (next < annunciated.size() && annunciated.get(next).at().isBefore(end)) {
                alarms++;
                next++;
            }
            intervals.add(new AlarmKpis.Interval(start, Duration.between(start, end), alarms, alarms >= properties.kpi().floodAt()));
        }
        return intervals;
    }

    /** Pairs whose activations in the window include {@code activations} within {@code within} of each other (ends included). */
    private List<AlarmKpis.Chattering> chattering(List<AlarmKpiRepository.Event> inWindow) {
        int count = properties.chattering().activations();
        Duration within = properties.chattering().within();
        Map<AlarmKpiRepository.DeviceRule, List<Instant>> activations = new LinkedHashMap<>();
        inWindow.stream().filter(AlarmKpiRepository.Event::activation)
                .forEach(e -> activations.computeIfAbsent(e.deviceRule(), k -> new ArrayList<>()).add(e.at()));
        List<AlarmKpis.Chattering> chattering = new ArrayList<>();
        activations.forEach((pair, times) -> {
            int most = 0;
            int first = 0;
            for (int last = 0; last < times.size(); last++) {
                while (Duration.between(times.get(first), times.get(last)).compareTo(within) > 0) {
                    first++;
                }
                most = Math.max(most, last - first + 1);
            }
            if (most >= count) {
                chattering.add(new AlarmKpis.Chattering(pair.deviceId(), pair.ruleId(), times.size(), most));
            }
        });
        chattering.sort(Comparator.comparingInt(AlarmKpis.Chattering::activations).reversed()
                .thenComparing(AlarmKpis.Chattering::deviceId).thenComparing(AlarmKpis.Chattering::ruleId));
        return chattering;
    }

    /** Alarms that, at some time in the window, had been active without a break for longer than the stale limit. */
    private List<AlarmKpis.Stale> stale(Instant from, Instant to) {
        Duration limit = properties.kpi().staleAfter();
        Map<Long, AlarmKpis.Stale> longest = new LinkedHashMap<>();
        Map<Long, AlarmKpiRepository.Event> since = new HashMap<>();
        List<AlarmKpiRepository.Event> activity = events.activity(from, to);
        for (AlarmKpiRepository.Event e : activity) {
            if (e.activation()) {
                since.putIfAbsent(e.alarmId(), e);
            } else {
                AlarmKpiRepository.Event start = since.remove(e.alarmId());
                if (start != null) {
                    spell(start, e.at(), false, from, limit, longest);
                }
            }
        }
        since.values().forEach(start -> spell(start, to, true, from, limit, longest));
        List<AlarmKpis.Stale> stale = new ArrayList<>(longest.values());
        stale.sort(Comparator.comparing(AlarmKpis.Stale::activeFor).reversed().thenComparingLong(AlarmKpis.Stale::alarmId));
        return stale;
    }

    private static void spell(AlarmKpiRepository.Event start, Instant end, boolean stillActive, Instant from, Duration limit,
                              Map<Long, AlarmKpis.Stale> longest) {
        Duration activeFor = Duration.between(start.at(), end);
        if (end.isAfter(from) && activeFor.compareTo(limit) > 0) {
            AlarmKpis.Stale stale = new AlarmKpis.Stale(start.alarmId(), start.deviceId(), start.ruleId(), start.severity(), start.at(),
                    activeFor, stillActive);
            longest.merge(start.alarmId(), stale, (a, b) -> a.activeFor().compareTo(b.activeFor()) >= 0 ? a : b);
        }
    }

    private static List<AlarmKpis.BadActor> badActors(List<AlarmKpiRepository.Event> annunciated) {
        Map<AlarmKpiRepository.DeviceRule, Integer> counts = new HashMap<>();
        annunciated.forEach(e -> counts.merge(e.deviceRule(), 1, Integer::sum));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<AlarmKpiRepository.DeviceRule, Integer>comparingByValue().reversed()
                        .thenComparing(e -> e.getKey().deviceId()).thenComparing(e -> e.getKey().ruleId()))
                .limit(BAD_ACTORS)
                .map(e -> new AlarmKpis.BadActor(e.getKey().deviceId(), e.getKey().ruleId(), e.getValue(),
                        round(100.0 * e.getValue() / annunciated.size())))
                .toList();
    }

    private static List<AlarmKpis.PriorityShare> priorities(List<AlarmKpiRepository.Event> annunciated) {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            counts.put(severity, 0);
        }
        annunciated.forEach(e -> counts.merge(e.severity(), 1, Integer::sum));
        return counts.entrySet().stream()
                .map(e -> new AlarmKpis.PriorityShare(e.getKey(), e.getValue(),
                        annunciated.isEmpty() ? 0 : round(100.0 * e.getValue() / annunciated.size())))
                .toList();
    }

    private static double round(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}
