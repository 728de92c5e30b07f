package io.caretaker.deviceprofiles;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an {@code expression} rule must satisfy: its conditions parse, use only what rules may use, name only the
 * profile's points and the rule's parameters, and give true or false whatever the points read.
 */
final class ExpressionChecks {

    private ExpressionChecks() {
    }

    static void check(YamlDocument doc, String at, JsonNode rule, Map<String, String> kindOfPoint,
                      List<ConfigurationProblem> problems) {
        Map<String, Double> parameters = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = rule.path("parameters").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            parameters.put(p.getKey(), p.getValue().asDouble());
            if (kindOfPoint.containsKey(p.getKey())) {
                problems.add(doc.problem(at + "/parameters/" + p.getKey(), "is also a point id; give the parameter another name"));
            }
        }
        Set<String> used = new LinkedHashSet<>();
        boolean parsed = condition(doc, at + "/when", rule.path("when").asText(), kindOfPoint, parameters, used, problems);
        if (rule.has("only")) {
            parsed &= condition(doc, at + "/only", rule.path("only").asText(), kindOfPoint, parameters, used, problems);
        } else if (rule.has("settle")) {
            problems.add(doc.problem(at + "/settle", "settles the state given by only, and the rule has no only;"
                    + " add only (the state the test needs) or remove settle"));
        }
        if (rule.path("clear").has("when")) {
            parsed &= condition(doc, at + "/clear/when", rule.path("clear").path("when").asText(), kindOfPoint, parameters, used, problems);
        }
        for (String parameter : parameters.keySet()) {
            if (parsed && !used.contains(parameter)) {
                problems.add(doc.problem(at + "/parameters/" + parameter, "is not used by the rule's conditions;"
                        + " remove it or check its spelling against the expression"));
            }
        }
    }

    /** Checks one condition; false when it does not even parse, so its names are unknown. */
    private static boolean condition(YamlDocument doc, String at, String text, Map<String, String> kindOfPoint,
                                  Map<String, Double> parameters, Set<String> used, List<ConfigurationProblem> problems) {
        RuleExpression expression;
        try {
            expression = RuleExpression.parse(text);
        } catch (IllegalArgumentException e) {
            problems.add(doc.problem(at, e.getMessage()));
            return false;
        }
        used.addAll(expression.names());
        boolean known = true;
        for (String name : expression.names()) {
            if (!kindOfPoint.containsKey(name) && !parameters.containsKey(name)) {
                known = false;
                problems.add(doc.problem(at, "names '" + name + "', which is neither a point of this profile nor a parameter of"
                        + " the rule; known points: " + String.join(", ", kindOfPoint.keySet())
                        + (parameters.isEmpty() ? "" : "; parameters: " + String.join(", ", parameters.keySet()))));
            }
        }
        for (String point : expression.recentPoints()) {
            String kind = kindOfPoint.get(point);
            if (kind != null && (kind.equals("boolean") || kind.equals("text"))) {
                known = false;
                problems.add(doc.problem(at, "takes the lowest or highest of '" + point + "', a " + kind
                        + " point; #lowest and #highest take a number point"));
            }
        }
        if (!known) {
            return true;
        }
        // try it on both extremes of every point, so a boolean compared with a number is found now, not at 3 a.m.
        for (boolean high : new boolean[] {true, false}) {
            Map<String, Object> values = new HashMap<>(parameters);
            for (String name : expression.names()) {
                String kind = kindOfPoint.get(name);
                if (kind != null) {
                    values.put(name, switch (kind) {
                        case "boolean" -> high;
                        case "text" -> high ? "on" : "";
                        default -> high ? 1.0 : 0.0;
                    });
                }
            }
            try {
                expression.test(values);
            } catch (IllegalArgumentException e) {
                problems.add(doc.problem(at, "does not give true or false for every reading: " + e.getMessage()
                        + "; boolean points are true/false (use them with and/or/not), number points are numbers"));
                return true;
            }
        }
        return true;
    }
}
