package io.caretaker.simulators.scenario;

import io.caretaker.deviceprofiles.Durations;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads a scenario file:
 * <pre>
 * name: demo
 * seed: 42                 # the same seed replays the same values (default 1)
 * acceleration: 60         # simulated seconds per real second (default 1)
 * start: 2026-12-01T08:00:00+08:00   # simulated start (default: now)
 * steps:
 *   - {at: 5m, device: ahu-1, behaviour: valve-stuck, for: 15m}    # ends by itself at 20m
 *   - {at: 30m, profile: energy-meter-sdm630, behaviour: SILENT, for: 5m}
 *   - {at: 40m, device: ahu-2, behaviour: fan-failure}
 *   - {at: 50m, device: ahu-2, end: fan-failure}
 * </pre>
 * A behaviour is one the device's profile names under {@code simulate.behaviours}, or {@code SILENT} (stops
 * answering) or {@code NORMAL} (every behaviour off).
 */
public final class ScenarioFile {

    private ScenarioFile() {
    }

    public static Scenario parse(String file, String yaml) {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        if (!(root instanceof Map<?, ?> map) || !(map.get("steps") instanceof List<?> steps)) {
            throw new IllegalArgumentException(file + ": a scenario needs a 'steps' list");
        }
        List<Scenario.Step> parsed = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            if (!(steps.get(i) instanceof Map<?, ?> step)) {
                throw new IllegalArgumentException(file + ": steps[" + i + "] must be {at, device or profile, behaviour or end}");
            }
            try {
                parsed.add(step(step));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(file + ": steps[" + i + "]: " + e.getMessage()
                        + " (expected {at: 5m, device: <id> | profile: <profile id>, behaviour: <name> [, for: 15m]} or"
                        + " {at: 20m, device: <id>, end: <name>})", e);
            }
        }
        parsed.sort(Comparator.comparing(Scenario.Step::at));
        Object name = map.get("name");
        try {
            long seed = map.get("seed") == null ? 1 : ((Number) map.get("seed")).longValue();
            double acceleration = map.get("acceleration") == null ? 1 : ((Number) map.get("acceleration")).doubleValue();
            Instant start = map.get("start") == null ? null : instant(map.get("start"));
            return new Scenario(name == null ? file : String.valueOf(name), seed, acceleration, start, parsed);
        } catch (ClassCastException | java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(file + ": seed must be a whole number, acceleration a number and start"
                    + " an ISO-8601 time with offset such as 2026-12-01T08:00:00+08:00: " + e.getMessage(), e);
        }
    }

    private static Instant instant(Object value) {
        if (value instanceof java.util.Date date) {
            return date.toInstant();
        }
        return OffsetDateTime.parse(String.valueOf(value)).toInstant();
    }

    private static Scenario.Step step(Map<?, ?> step) {
        Duration at = Durations.parse(String.valueOf(required(step, "at")));
        String device = text(step.get("device"));
        String profile = text(step.get("profile"));
        if ((device == null) == (profile == null)) {
            throw new IllegalArgumentException("name either a device or a profile");
        }
        String behaviour = text(step.get("behaviour"));
        String end = text(step.get("end"));
        if ((behaviour == null) == (end == null)) {
            throw new IllegalArgumentException("give either behaviour (to begin) or end (to end one)");
        }
        Duration forDuration = step.get("for") == null ? null : Durations.parse(String.valueOf(step.get("for")));
        if (forDuration != null && end != null) {
            throw new IllegalArgumentException("'for' goes with a behaviour that begins, not with end");
        }
        return new Scenario.Step(at, device, profile, behaviour != null ? behaviour : end, forDuration, end != null);
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private static Object required(Map<?, ?> step, String key) {
        Object value = step.get(key);
        if (value == null) {
            throw new IllegalArgumentException(key + " is missing");
        }
        return value;
    }
}
