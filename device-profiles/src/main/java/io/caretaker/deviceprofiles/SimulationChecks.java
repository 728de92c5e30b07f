package io.caretaker.deviceprofiles;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What a profile's simulate section must satisfy beyond its schema: it names only the profile's own points. */
final class SimulationChecks {

    private static final List<String> READS = List.of("follow", "while", "copy", "integrate", "count");
    private static final List<String> GENERATORS = List.of("value", "follow", "copy", "integrate", "count", "schedule", "cycle", "pulse");

    private SimulationChecks() {
    }

    static void check(YamlDocument doc, JsonNode simulate, Map<String, String> kindOfPoint, List<ConfigurationProblem> problems) {
        if (simulate.isMissingNode()) {
            return;
        }
        checkModels(doc, "/simulate/points", simulate.path("points"), kindOfPoint, true, problems);
        Iterator<Map.Entry<String, JsonNode>> behaviours = simulate.path("behaviours").fields();
        while (behaviours.hasNext()) {
            Map.Entry<String, JsonNode> behaviour = behaviours.next();
            if (Set.of("normal", "silent").contains(behaviour.getKey())) {
                problems.add(doc.problem("/simulate/behaviours/" + behaviour.getKey(), "'" + behaviour.getKey()
                        + "' is built in (NORMAL ends every behaviour, SILENT stops the device answering); choose another name"));
            }
            checkModels(doc, "/simulate/behaviours/" + behaviour.getKey() + "/points", behaviour.getValue().path("points"),
                    kindOfPoint, false, problems);
        }
    }

    private static void checkModels(YamlDocument doc, String at, JsonNode models, Map<String, String> kindOfPoint,
                                    boolean normal, List<ConfigurationProblem> problems) {
        Iterator<Map.Entry<String, JsonNode>> fields = models.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> model = fields.next();
            String where = at + "/" + model.getKey();
            if (!kindOfPoint.containsKey(model.getKey())) {
                problems.add(doc.problem(where, "names point '" + model.getKey() + "', which this profile does not have; known points: "
                        + String.join(", ", kindOfPoint.keySet())));
                continue;
            }
            for (String read : READS) {
                String other = model.getValue().path(read).asText(null);
                if (other != null && !kindOfPoint.containsKey(other)) {
                    problems.add(doc.problem(where + "/" + read, "names point '" + other + "', which this profile does not have; known points: "
                            + String.join(", ", kindOfPoint.keySet())));
                }
            }
            long generators = GENERATORS.stream().filter(g -> model.getValue().has(g) && !(g.equals("value") && model.getValue().has("schedule"))).count();
            if (generators > 1) {
                problems.add(doc.problem(where, "has " + generators + " of " + GENERATORS
                        + "; a point's value comes from one of them (value may go with schedule as its default)"));
            } else if (generators == 0 && normal) {
                problems.add(doc.problem(where, "says nothing about where the value comes from; give one of " + GENERATORS));
            }
        }
    }
}
