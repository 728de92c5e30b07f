package io.caretaker.simulators.mqtt;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caretaker.deviceprofiles.MqttBinding;
import io.caretaker.deviceprofiles.Point;
import io.caretaker.deviceprofiles.Protocol;
import io.caretaker.deviceprofiles.canonical.Value;
import io.caretaker.simulators.model.DeviceModel;
import java.util.Map;
import java.util.Objects;

/**
 * A simulated device's state as the JSON message its profile's MQTT bindings read: each point written at its first
 * path, through its value map and scale backwards. Text-line devices (a {@code textPattern}) have no state message;
 * they speak only in their messages.
 */
public final class MqttState {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MqttState() {
    }

    /** The state message, or null for a device whose profile has no JSON-bound points. */
    public static String of(DeviceModel device) {
        if (device.profile().mqtt().isText()) {
            return null;
        }
        ObjectNode root = JSON.createObjectNode();
        boolean any = false;
        for (Point point : device.profile().pointsBoundTo(Protocol.MQTT)) {
            MqttBinding binding = point.bindings().mqtt();
            // only the points the simulation plays: a profile may bind one field in several shapes (Tasmota)
            if (binding.path().isEmpty() || !device.profile().simulate().points().containsKey(point.id())) {
                continue;
            }
            put(root, binding.path().get(0), raw(binding, device.value(point.id())));
            any = true;
        }
        return any ? root.toString() : null;
    }

    private static Object raw(MqttBinding binding, Value value) {
        Object plain = value.plain();
        for (Map.Entry<String, Object> word : binding.map().entrySet()) {
            if (Objects.equals(word.getValue(), plain)
                    || (word.getValue() instanceof Number n && plain instanceof Number p && n.doubleValue() == p.doubleValue())) {
                return word.getKey();
            }
        }
        if (plain instanceof Double x && (binding.scale() != 1.0 || binding.offset() != 0.0)) {
            return Math.round((x - binding.offset()) / binding.scale() * 1000) / 1000.0;
        }
        return plain;
    }

    private static void put(ObjectNode root, String pointer, Object value) {
        String[] parts = pointer.substring(1).split("/");
        ObjectNode at = root;
        for (int i = 0; i < parts.length - 1; i++) {
            String key = unescape(parts[i]);
            at = at.has(key) && at.get(key) instanceof ObjectNode child ? child : at.putObject(key);
        }
        String key = unescape(parts[parts.length - 1]);
        if (value instanceof Boolean b) {
            at.put(key, b);
        } else if (value instanceof Double d) {
            at.put(key, d);
        } else if (value instanceof Number n) {
            at.put(key, n.doubleValue());
        } else {
            at.put(key, value == null ? null : value.toString());
        }
    }

    private static String unescape(String part) {
        return part.replace("~1", "/").replace("~0", "~");
    }
}
