package io.caretaker.simulators.scenario;

import io.caretaker.deviceprofiles.Durations;
import io.caretaker.simulators.SimulatedDevice.Behaviour;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads a scenario file:
 * <pre>
 * name: demo
 * steps:
 *   - {at: 20s, device: ahu-1, behaviour: FAULT}
 *   - {at: 3m, device: meter-1, behaviour: SILENT}
 * </pre>
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
                throw new IllegalArgumentException(file + ": steps[" + i + "] must be {at, device, behaviour}");
            }
            try {
                parsed.add(new Scenario.Step(
                        Durations.parse(String.valueOf(step.get("at"))),
                        String.valueOf(required(step, "device")),
                        Behaviour.valueOf(String.valueOf(required(step, "behaviour")).toUpperCase(Locale.ROOT))));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(file + ": steps[" + i + "]: " + e.getMessage()
                        + " (expected {at: 30s, device: <id>, behaviour: NORMAL|FAULT|SILENT})", e);
            }
        }
        parsed.sort(Comparator.comparing(Scenario.Step::at));
        Object name = map.get("name");
        return new Scenario(name == null ? file : String.valueOf(name), parsed);
    }

    private static Object required(Map<?, ?> step, String key) {
        Object value = step.get(key);
        if (value == null) {
            throw new IllegalArgumentException(key + " is missing");
        }
        return value;
    }
}
