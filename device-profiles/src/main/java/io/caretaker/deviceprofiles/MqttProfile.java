package io.caretaker.deviceprofiles;

import java.util.List;

/**
 * What a profile says about a device's MQTT messages as a whole, beside the per-point bindings.
 *
 * <ul>
 *   <li>{@code topics}: the topics the device publishes on, with {@code {id}} for its own id in them
 *       ({@code tele/{id}/SENSOR}); the site file's {@code connection.topic} replaces them.</li>
 *   <li>{@code textPattern}: the payload is a text line, not JSON; this regular expression's named groups become
 *       the fields that paths name ({@code (?<zone>[0-9]{3})} is {@code /zone}).</li>
 *   <li>{@code events}: messages that become device events rather than point values.</li>
 * </ul>
 */
public record MqttProfile(List<String> topics, String textPattern, List<MqttEvent> events) {

    public MqttProfile {
        topics = topics == null ? List.of() : List.copyOf(topics);
        events = events == null ? List.of() : List.copyOf(events);
    }

    public boolean isText() {
        return textPattern != null;
    }
}
