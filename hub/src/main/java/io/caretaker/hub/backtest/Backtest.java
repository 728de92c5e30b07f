package io.caretaker.hub.backtest;

import io.caretaker.connectors.replay.HistoryReplay;
import io.caretaker.connectors.replay.ReplayMapping;
import io.caretaker.deviceprofiles.DeviceProfile;
import io.caretaker.deviceprofiles.FaultRule;
import io.caretaker.deviceprofiles.ProfileCatalog;
import io.caretaker.deviceprofiles.canonical.PointSample;
import io.caretaker.deviceprofiles.site.InstalledDevice;
import io.caretaker.deviceprofiles.site.Site;
import io.caretaker.hub.calendar.WorkingCalendar;
import io.caretaker.hub.rules.RuleEngine;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Feeds a CSV of history through the same {@link RuleEngine} the hub runs, on event time: the clock's tick at each
 * row's time, the row's samples, then a tick again so the row is weighed whole. The alarms it raised are kept in memory.
 */
public final class Backtest {

    /** How often the history's clock ticks where rows are further apart. */
    private static final Duration TICK = Duration.ofMinutes(1);

    private Backtest() {
    }

    /** Sees each row after the rules weighed it: the latest value of every point, and the rules active then. */
    @FunctionalInterface
    public interface RowListener {

        void row(Instant at, Map<String, Object> latestValues, Set<String> activeRules);

        RowListener NONE = (at, values, active) -> {
        };
    }

    /** What a backtest of one device found. */
    public record Result(ReplayMapping mapping, HistoryReplay.Summary summary, List<BacktestAlarm> alarms) {
    }

    /**
     * Replays one device's history.
     *
     * @throws IllegalArgumentException when the mapping names an unknown profile, point, column or parameter
     */
    public static Result run(ProfileCatalog profiles, ReplayMapping mapping, Path csv, RowListener listener) {
        DeviceProfile profile = profiles.find(mapping.profile()).orElseThrow(() -> new IllegalArgumentException(
                "mapping profile: no profile '" + mapping.profile() + "'; known profiles: " + String.join(", ", profiles.ids())));
        checkParameters(mapping, profile);
        HistoryReplay replay = new HistoryReplay(mapping, profile);
        Site site = new Site("backtest", "Backtest", mapping.timestamp().zone(), null,
                List.of(new InstalledDevice(mapping.device(), profile.id(), null, null, null, null, null)));
        AlarmLog log = new AlarmLog();
        Map<String, Object> latest = new HashMap<>();
        RuleEngine[] engine = new RuleEngine[1];
        Instant[] lastTick = new Instant[1];
        HistoryReplay.Summary summary = replay.replay(csv, (at, samples) -> {
            if (engine[0] == null) {
                // the history's first instant is the engine's start, as the hub's start is on a live site
                engine[0] = new RuleEngine(site, profiles, log, Clock.fixed(at, ZoneOffset.UTC), WorkingCalendar.of(site),
                        Map.of(mapping.device(), mapping.parameters()));
            }
            // the history's clock moves on first, minute by minute across a gap, as the hub's ticks do between samples
            if (lastTick[0] != null) {
                for (Instant t = lastTick[0].plus(TICK); t.isBefore(at); t = t.plus(TICK)) {
                    engine[0].onTick(t);
                }
            }
            engine[0].onTick(at);
            lastTick[0] = at;
            for (PointSample sample : samples) {
                engine[0].onSample(sample);
                Object value = sample.value().plain();
                if (value == null) {
                    latest.remove(sample.pointId());
                } else {
                    latest.put(sample.pointId(), value);
                }
            }
            engine[0].onTick(at);
            listener.row(at, latest, log.activeRules(mapping.device()));
        });
        return new Result(mapping, summary, log.alarms());
    }

    private static void checkParameters(ReplayMapping mapping, DeviceProfile profile) {
        Set<String> known = new TreeSet<>();
        for (FaultRule rule : profile.rules()) {
            if (rule instanceof FaultRule.Expression expression) {
                known.addAll(expression.parameters().keySet());
            }
        }
        for (String name : mapping.parameters().keySet()) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("mapping parameters." + name + ": no expression rule of profile " + profile.id()
                        + " uses it; its parameters: " + String.join(", ", known));
            }
        }
    }
}
