package io.caretaker.deviceprofiles;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What a profile's {@code utilisation} and {@code maintenance} sections must satisfy beyond the schema. */
final class UtilisationChecks {

    private UtilisationChecks() {
    }

    static void check(YamlDocument doc, JsonNode root, Map<String, String> kindOfPoint, List<ConfigurationProblem> problems) {
        JsonNode utilisation = root.path("utilisation");
        if (!utilisation.isMissingNode()) {
            checkUtilisation(doc, utilisation, kindOfPoint, problems);
        }
        JsonNode plans = root.path("maintenance");
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < plans.size(); i++) {
            JsonNode plan = plans.get(i);
            String at = "/maintenance/" + i;
            if (!ids.add(plan.path("id").asText())) {
                problems.add(doc.problem(at + "/id", "maintenance plan id '" + plan.path("id").asText() + "' is used twice; plan ids must be unique"));
            }
            String type = plan.path("type").asText();
            if (!type.equals("calendar") && plan.has("lead") && plan.get("lead").asDouble() >= plan.path("every").asDouble()) {
                problems.add(doc.problem(at + "/lead", "lead " + plan.get("lead").asDouble() + " is not less than every "
                        + plan.path("every").asDouble() + "; the work order would open before the last one was done"));
            }
            if (type.equals("run-hours") && utilisation.isMissingNode()) {
                problems.add(doc.problem(at + "/type", "a run-hours plan needs the profile's utilisation section, which says when the device runs"));
            }
            if (type.equals("count")) {
                String point = plan.path("point").asText();
                if (MaintenancePlan.STARTS.equals(point)) {
                    if (utilisation.isMissingNode()) {
                        problems.add(doc.problem(at + "/point", "counting starts needs the profile's utilisation section, which says when the device runs"));
                    }
                } else if (!kindOfPoint.containsKey(point)) {
                    problems.add(doc.problem(at + "/point", "names point '" + point + "', which this profile does not have; name a counter point or 'starts'; known points: "
                            + String.join(", ", kindOfPoint.keySet())));
                } else if (!kindOfPoint.get(point).equals("number")) {
                    problems.add(doc.problem(at + "/point", "point '" + point + "' is " + kindOfPoint.get(point) + "; a count plan needs a number point that counts up"));
                }
            }
        }
    }

    private static void checkUtilisation(YamlDocument doc, JsonNode utilisation, Map<String, String> kindOfPoint, List<ConfigurationProblem> problems) {
        String point = utilisation.path("runningPoint").asText();
        String kind = kindOfPoint.get(point);
        boolean above = utilisation.has("runningAbove");
        boolean rising = utilisation.path("runningWhenRising").asBoolean(false);
        if (kind == null) {
            problems.add(doc.problem("/utilisation/runningPoint", "names point '" + point + "', which this profile does not have; known points: "
                    + String.join(", ", kindOfPoint.keySet())));
        } else if (kind.equals("text")) {
            problems.add(doc.problem("/utilisation/runningPoint", "point '" + point + "' is text; name a boolean point (run status), or a number point with runningAbove or runningWhenRising"));
        } else if (kind.equals("boolean") && (above || rising)) {
            problems.add(doc.problem("/utilisation/runningPoint", "point '" + point + "' is boolean: it runs while true; leave out runningAbove and runningWhenRising"));
        } else if (kind.equals("number") && above == rising) {
            problems.add(doc.problem("/utilisation/runningPoint", "point '" + point + "' is a number; say when it means running with exactly one of runningAbove: <value> or runningWhenRising: true"));
        }
    }
}
