package io.caretaker.deviceprofiles;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A kind of device event found in MQTT messages: a fire alarm in a Contact ID line, a person seen by a camera.
 *
 * <ul>
 *   <li>{@code type}: the event type emitted, kebab-case ({@code fire-alarm}).</li>
 *   <li>{@code when}: which messages are this event: the field at {@code path} is one of {@code in}, or matches
 *       the regular expression {@code matches}; without {@code when} every message is.</li>
 *   <li>{@code phase}: where a message says whether the event is new, updated or ended, with a map from the
 *       device's words to those phases (Contact ID qualifier 1 is new, 3 is a restore: end).</li>
 *   <li>{@code id}: the fields that together identify one event across its messages (zone and code; a
 *       camera's event id), so an update or end is tied to the event it belongs to.</li>
 *   <li>{@code attributes}: attribute name to field path, copied into the event.</li>
 * </ul>
 */
public record MqttEvent(String type, Condition when, PhaseField phase, List<String> id, Map<String, String> attributes) {

    public MqttEvent {
        id = id == null ? List.of() : List.copyOf(id);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** The field that selects this event, and the values that do. */
    public record Condition(String path, List<String> in, String matches) {

        public Condition {
            in = in == null ? List.of() : List.copyOf(in);
        }
    }

    /** Where the phase is said, and the device's word for each phase. */
    public record PhaseField(String path, Map<String, Phase> map) {

        public PhaseField {
            map = map == null ? Map.of() : Map.copyOf(map);
        }
    }

    /** Where an event is in its life. */
    public enum Phase {
        NEW,
        UPDATE,
        END;

        @JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
