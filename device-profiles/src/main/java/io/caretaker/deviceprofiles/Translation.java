package io.caretaker.deviceprofiles;

import java.util.Map;

/**
 * A profile's texts in one other language than its own (English): its name, each point's name, each rule's message
 * and each maintenance plan's task, by id. A text it leaves out is shown in English.
 */
public record Translation(String name, Map<String, String> points, Map<String, String> rules, Map<String, String> maintenance) {

    public Translation {
        points = points == null ? Map.of() : Map.copyOf(points);
        rules = rules == null ? Map.of() : Map.copyOf(rules);
        maintenance = maintenance == null ? Map.of() : Map.copyOf(maintenance);
    }
}
