package io.caretaker.deviceprofiles;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The MQTT parts of a profile a schema cannot check: patterns that compile, paths that name real fields, map values of the point's kind. */
final class MqttChecks {

    private static final Pattern GROUP_NAME = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");

    private MqttChecks() {
    }

    static void checkProfile(YamlDocument doc, JsonNode mqtt, List<ConfigurationProblem> problems) {
        if (mqtt.isMissingNode()) {
            return;
        }
        Set<String> groups = textGroups(doc, mqtt, problems);
        JsonNode events = mqtt.path("events");
        for (int i = 0; i < events.size(); i++) {
            JsonNode event = events.get(i);
            String at = "/mqtt/events/" + i;
            checkField(doc, at + "/when/path", event.path("when").path("path"), groups, problems);
            checkField(doc, at + "/phase/path", event.path("phase").path("path"), groups, problems);
            JsonNode id = event.path("id");
            for (int j = 0; j < id.size(); j++) {
                checkField(doc, at + "/id/" + j, id.get(j), groups, problems);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = event.path("attributes").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> attribute = it.next();
                checkField(doc, at + "/attributes/" + attribute.getKey(), attribute.getValue(), groups, problems);
            }
            if (event.path("when").has("matches")) {
                compile(doc, at + "/when/matches", event.path("when").path("matches").asText(), problems);
            }
            if (event.has("phase") && !event.has("id")) {
                problems.add(doc.problem(at + "/id", "an event with a phase needs id: the fields that tie its new, update and end"
                        + " messages together (e.g. [/zone, /code])"));
            }
        }
    }

    static void checkPoint(YamlDocument doc, String at, JsonNode point, JsonNode mqtt, List<ConfigurationProblem> problems) {
        JsonNode binding = point.path("bindings").path("mqtt");
        if (binding.isMissingNode()) {
            return;
        }
        String kind = point.path("kind").asText();
        Set<String> groups = mqtt.has("textPattern") ? textGroups(doc, mqtt, new ArrayList<>()) : null; // the profile check reports pattern problems once
        JsonNode paths = binding.path("path");
        if (paths.isArray()) {
            for (int j = 0; j < paths.size(); j++) {
                checkField(doc, at + "/bindings/mqtt/path/" + j, paths.get(j), groups, problems);
            }
        } else {
            checkField(doc, at + "/bindings/mqtt/path", paths, groups, problems);
        }
        if (binding.has("combine") && !kind.equals("number")) {
            problems.add(doc.problem(at + "/bindings/mqtt/combine", "combine adds up numbers; this point is " + kind + ", make it a number or remove combine"));
        }
        if ((binding.has("scale") || binding.has("offset")) && !kind.equals("number")) {
            problems.add(doc.problem(at + "/bindings/mqtt/scale", "scale and offset apply to numbers; this point is " + kind));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = binding.path("map").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode value = entry.getValue();
            boolean fits = switch (kind) {
                case "boolean" -> value.isBoolean();
                case "number" -> value.isNumber();
                default -> value.isTextual();
            };
            if (!fits) {
                problems.add(doc.problem(at + "/bindings/mqtt/map/" + entry.getKey(), "maps '" + entry.getKey() + "' to " + value
                        + ", which is not a " + kind + " like the point; write e.g. " + example(kind)));
            }
        }
    }

    private static String example(String kind) {
        return switch (kind) {
            case "boolean" -> "\"Door Open\": false";
            case "number" -> "\"High\": 3";
            default -> "\"1\": \"open\"";
        };
    }

    /** The named groups of the text pattern, or null when payloads are JSON (any path may then be valid). */
    private static Set<String> textGroups(YamlDocument doc, JsonNode mqtt, List<ConfigurationProblem> problems) {
        if (!mqtt.has("textPattern")) {
            return null;
        }
        String regex = mqtt.get("textPattern").asText();
        if (compile(doc, "/mqtt/textPattern", regex, problems) == null) {
            return null;
        }
        Set<String> groups = new TreeSet<>();
        Matcher m = GROUP_NAME.matcher(regex);
        while (m.find()) {
            groups.add(m.group(1));
        }
        if (groups.isEmpty()) {
            problems.add(doc.problem("/mqtt/textPattern", "has no named groups; name the fields, e.g. (?<zone>[0-9]{3})"));
        }
        return groups;
    }

    private static void checkField(YamlDocument doc, String at, JsonNode path, Set<String> groups, List<ConfigurationProblem> problems) {
        if (groups == null || !path.isTextual()) {
            return;
        }
        String field = path.asText().substring(1);
        if (!groups.contains(field)) {
            problems.add(doc.problem(at, "names field '" + path.asText() + "', but textPattern has no group (?<" + field
                    + ">...); its groups are " + groups));
        }
    }

    private static Pattern compile(YamlDocument doc, String at, String regex, List<ConfigurationProblem> problems) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            problems.add(doc.problem(at, "is not a regular expression: " + e.getDescription() + " near index " + e.getIndex()));
            return null;
        }
    }
}
