package io.caretaker.deviceprofiles;

import com.fasterxml.jackson.databind.JsonNode;
import io.caretaker.deviceprofiles.canonical.DeviceEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a fault rule must satisfy beyond its schema, in a profile and again after a site file overrides it: its
 * points exist and have a kind the rule can use, its events are ones the device sends, and it can clear.
 */
final class RuleChecks {

    private static final Set<String> CONNECTOR_EVENTS = Set.of(
            DeviceEvent.CONNECTION_LOST, DeviceEvent.CONNECTION_RESTORED);

    private RuleChecks() {
    }

    /** Event type → whether the device says when it ends; null when the profile declares no MQTT events. */
    static Map<String, Boolean> eventsOf(JsonNode mqttEvents) {
        if (!mqttEvents.isArray() || mqttEvents.isEmpty()) {
            return null;
        }
        Map<String, Boolean> events = new LinkedHashMap<>();
        for (JsonNode event : mqttEvents) {
            events.merge(event.path("type").asText(), event.has("phase"), Boolean::logicalOr);
        }
        return events;
    }

    static void check(YamlDocument doc, String at, JsonNode rule, Map<String, String> kindOfPoint,
                      Map<String, Boolean> events, List<ConfigurationProblem> problems) {
        switch (rule.path("type").asText()) {
            case "flat-line", "rate-of-change", "spike", "counter-backwards" ->
                    point(doc, at + "/point", rule.path("point").asText(), List.of("number"), kindOfPoint, problems);
            case "command-feedback" -> {
                point(doc, at + "/command", rule.path("command").asText(), List.of("number", "boolean"), kindOfPoint, problems);
                point(doc, at + "/feedback", rule.path("feedback").asText(), List.of("number", "boolean"), kindOfPoint, problems);
            }
            case "starts" ->
                    point(doc, at + "/point", rule.path("point").asText(), List.of("boolean"), kindOfPoint, problems);
            case "event" -> checkEvent(doc, at, rule, events, problems);
            case "threshold" -> {
                JsonNode clear = rule.path("clear");
                if (rule.path("deadband").asDouble() > 0 && (clear.has("above") || clear.has("below"))) {
                    problems.add(doc.problem(at + "/deadband", "is ignored because clear names its own limits;"
                            + " give either deadband or clear.above/clear.below"));
                }
            }
            default -> {
            }
        }
        JsonNode schedule = rule.path("schedule");
        if (schedule.has("from") && schedule.path("from").asText().equals(schedule.path("to").asText())) {
            problems.add(doc.problem(at + "/schedule/to", "equals from, so the window is empty;"
                    + " leave schedule out for a rule that runs all day"));
        }
        JsonNode suppressWhen = rule.path("suppressWhen");
        if (suppressWhen.has("point")) {
            List<String> kinds = suppressWhen.has("is") ? List.of("boolean") : List.of("number", "boolean");
            point(doc, at + "/suppressWhen/point", suppressWhen.path("point").asText(), kinds, kindOfPoint, problems);
        }
    }

    private static void checkEvent(YamlDocument doc, String at, JsonNode rule, Map<String, Boolean> events,
                                   List<ConfigurationProblem> problems) {
        if (events == null) {
            return; // events may come from a connector other than MQTT; nothing in the profile to check against
        }
        String type = rule.path("event").asText();
        if (CONNECTOR_EVENTS.contains(type)) {
            return; // every connector emits these for every device
        }
        Boolean ends = events.get(type);
        if (ends == null) {
            problems.add(doc.problem(at + "/event", "names event '" + type + "', which this profile's mqtt.events do not declare;"
                    + " known events: " + String.join(", ", events.keySet())));
        } else if (!ends && rule.has("for")) {
            problems.add(doc.problem(at + "/for", "event '" + type + "' has no phase, so it is never seen to stay"
                    + " without a restore; leave for out, or declare the event's phase in mqtt.events"));
        } else if (!ends && !rule.has("clearAfter")) {
            problems.add(doc.problem(at, "event '" + type + "' has no phase, so no restore message ends it;"
                    + " add clearAfter (e.g. clearAfter: 10m) or the alarm never clears"));
        }
    }

    private static void point(YamlDocument doc, String at, String point, List<String> kinds, Map<String, String> kindOfPoint,
                              List<ConfigurationProblem> problems) {
        String kind = kindOfPoint.get(point);
        if (kind == null) {
            problems.add(doc.problem(at, "names point '" + point + "', which this profile does not have; known points: "
                    + String.join(", ", kindOfPoint.keySet())));
        } else if (!kinds.contains(kind)) {
            problems.add(doc.problem(at, "point '" + point + "' is " + kind + "; this needs a " + String.join(" or ", kinds) + " point"));
        }
    }
}
