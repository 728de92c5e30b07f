package io.caretaker.deviceprofiles;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a point sits in a device's MQTT payload, and how its raw value becomes the point's value.
 *
 * <ul>
 *   <li>{@code path}: one JSON Pointer such as {@code /ENERGY/Total/0}, or several tried in order (a Tasmota
 *       reading arrives as {@code /ENERGY/Total} in {@code tele/..SENSOR} and as {@code /StatusSNS/ENERGY/Total}
 *       in {@code stat/..STATUS10}). For text payloads the fields are the pattern's named groups ({@code /zone}).</li>
 *   <li>{@code combine}: what to do when the field is a list or an object of numbers instead of one number
 *       (multi-channel or per-phase firmware); without it such a field is the wrong type.</li>
 *   <li>{@code map}: raw text to value ({@code "Door Open": false}); a value not in the map is the wrong type.</li>
 *   <li>{@code scale} and {@code offset}: value = raw × scale + offset (Wh to kWh: scale 0.001).</li>
 *   <li>{@code required}: a message without this field is a bad payload, not a partial state.</li>
 * </ul>
 */
public record MqttBinding(@JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> path,
                          Combine combine, Map<String, Object> map, Double scale, Double offset, Boolean required) {

    public MqttBinding {
        path = path == null ? List.of() : List.copyOf(path);
        map = map == null ? Map.of() : Map.copyOf(map);
        if (scale == null) {
            scale = 1.0;
        }
        if (offset == null) {
            offset = 0.0;
        }
        if (required == null) {
            required = false;
        }
    }

    public MqttBinding(String path) {
        this(List.of(path), null, null, null, null, null);
    }

    /** How a list or object of numbers at the path becomes one value. */
    public enum Combine {
        /** The sum of every number (total energy over channels or phases). */
        SUM,
        /** The first number in document order. */
        FIRST,
        /** The largest number. */
        MAX;

        @JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
