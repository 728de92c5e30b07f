package io.caretaker.deviceprofiles;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What a profile must satisfy beyond its schema: unique ids, rules that name real points, sane bindings. */
final class ProfileChecks {

    private ProfileChecks() {
    }

    static List<ConfigurationProblem> check(YamlDocument doc) {
        List<ConfigurationProblem> problems = new ArrayList<>();
        JsonNode root = doc.root();
        Map<String, String> kindOfPoint = new HashMap<>();
        JsonNode points = root.path("points");
        for (int i = 0; i < points.size(); i++) {
            JsonNode point = points.get(i);
            String id = point.path("id").asText();
            if (kindOfPoint.put(id, point.path("kind").asText()) != null) {
                problems.add(doc.problem("/points/" + i + "/id", "point id '" + id + "' is used twice; point ids must be unique"));
            }
            ModbusChecks.checkPoint(doc, "/points/" + i, point, root, problems);
            MqttChecks.checkPoint(doc, "/points/" + i, point, root.path("mqtt"), problems);
            JsonNode range = point.path("range");
            if (range.has("min") && range.has("max") && range.get("min").asDouble() > range.get("max").asDouble()) {
                problems.add(doc.problem("/points/" + i + "/range", "min is above max"));
            }
        }
        MqttChecks.checkProfile(doc, root.path("mqtt"), problems);
        SimulationChecks.check(doc, root.path("simulate"), kindOfPoint, problems);
        Set<String> ruleIds = new HashSet<>();
        JsonNode rules = root.path("rules");
        for (int i = 0; i < rules.size(); i++) {
            JsonNode rule = rules.get(i);
            String at = "/rules/" + i;
            if (!ruleIds.add(rule.path("id").asText())) {
                problems.add(doc.problem(at + "/id", "rule id '" + rule.path("id").asText() + "' is used twice; rule ids must be unique"));
            }
            if ("threshold".equals(rule.path("type").asText())) {
                checkThreshold(doc, at, rule, kindOfPoint, problems);
            }
            RuleChecks.check(doc, at, rule, kindOfPoint, RuleChecks.eventsOf(root.path("mqtt").path("events")), problems);
            if ("expression".equals(rule.path("type").asText())) {
                ExpressionChecks.check(doc, at, rule, kindOfPoint, problems);
            }
        }
        UtilisationChecks.check(doc, root, kindOfPoint, problems);
        checkTranslations(doc, root, kindOfPoint.keySet(), ruleIds, problems);
        return problems;
    }

    /** A translation names only points, rules and maintenance plans the profile has. */
    private static void checkTranslations(YamlDocument doc, JsonNode root, Set<String> pointIds, Set<String> ruleIds,
                                          List<ConfigurationProblem> problems) {
        Set<String> planIds = new java.util.LinkedHashSet<>();
        root.path("maintenance").forEach(plan -> planIds.add(plan.path("id").asText()));
        root.path("translations").properties().forEach(language -> {
            String at = "/translations/" + language.getKey();
            checkNames(doc, at + "/points", language.getValue().path("points"), "point", pointIds, problems);
            checkNames(doc, at + "/rules", language.getValue().path("rules"), "rule", ruleIds, problems);
            checkNames(doc, at + "/maintenance", language.getValue().path("maintenance"), "maintenance plan", planIds, problems);
        });
    }

    private static void checkNames(YamlDocument doc, String at, JsonNode texts, String what, Set<String> known,
                                   List<ConfigurationProblem> problems) {
        texts.fieldNames().forEachRemaining(id -> {
            if (!known.contains(id)) {
                problems.add(doc.problem(at + "/" + id, "translates " + what + " '" + id + "', which this profile does not have; its "
                        + what + "s: " + (known.isEmpty() ? "none" : String.join(", ", new java.util.TreeSet<>(known)))));
            }
        });
    }

    static void checkThreshold(YamlDocument doc, String at, JsonNode rule, Map<String, String> kindOfPoint,
                                       List<ConfigurationProblem> problems) {
        String point = rule.path("point").asText();
        String kind = kindOfPoint.get(point);
        if (kind == null) {
            problems.add(doc.problem(at + "/point", "names point '" + point + "', which this profile does not have; known points: "
                    + String.join(", ", kindOfPoint.keySet())));
        } else if (kind.equals("text")) {
            problems.add(doc.problem(at + "/point", "point '" + point + "' is text; a threshold needs a number or boolean point"));
        }
        JsonNode clear = rule.path("clear");
        if (rule.has("above") && clear.has("below") && clear.get("below").asDouble() > rule.get("above").asDouble()) {
            problems.add(doc.problem(at + "/clear/below", "clears below " + clear.get("below").asDouble()
                    + ", which is above the raise limit " + rule.get("above").asDouble() + "; the alarm would never stay raised"));
        }
        if (rule.has("below") && clear.has("above") && clear.get("above").asDouble() < rule.get("below").asDouble()) {
            problems.add(doc.problem(at + "/clear/above", "clears above " + clear.get("above").asDouble()
                    + ", which is below the raise limit " + rule.get("below").asDouble() + "; the alarm would never stay raised"));
        }
    }
}
