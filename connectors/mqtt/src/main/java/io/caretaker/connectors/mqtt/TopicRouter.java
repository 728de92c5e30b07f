package io.caretaker.connectors.mqtt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Finds the device a message belongs to from the topic it arrived on. */
final class TopicRouter {

    private final Map<String, MqttDevice> exact = new HashMap<>();
    private final List<Map.Entry<String, MqttDevice>> wildcards = new ArrayList<>();
    private final Set<String> subscriptions = new LinkedHashSet<>();
    private final List<String> patterns = new ArrayList<>();

    TopicRouter(List<MqttDevice> devices) {
        for (MqttDevice device : devices) {
            for (String topic : device.topics()) {
                if (topic.contains("+") || topic.contains("#")) {
                    wildcards.add(Map.entry(topic, device));
                } else {
                    MqttDevice other = exact.put(topic, device);
                    if (other != null && !other.deviceId().equals(device.deviceId())) {
                        throw new IllegalArgumentException("devices " + other.deviceId() + " and " + device.deviceId()
                                + " both listen on topic " + topic + "; give each its own topic or topicId");
                    }
                }
            }
            subscriptions.addAll(device.subscriptions());
            device.topicPatterns().stream().filter(p -> p.contains(MqttDevice.ID)).forEach(patterns::add);
        }
    }

    List<String> subscriptions() {
        return List.copyOf(subscriptions);
    }

    Optional<MqttDevice> deviceFor(String topic) {
        MqttDevice device = exact.get(topic);
        if (device != null) {
            return Optional.of(device);
        }
        return wildcards.stream().filter(e -> matches(e.getKey(), topic)).map(Map.Entry::getValue).findFirst();
    }

    /** For a message no device claims: the id in the {@code {id}} level of a pattern it matches, else the topic itself. */
    String unknownDeviceName(String topic) {
        String[] levels = topic.split("/", -1);
        for (String pattern : patterns) {
            String[] parts = pattern.split("/", -1);
            if (matches(pattern.replace(MqttDevice.ID, "+"), topic)) {
                for (int i = 0; i < parts.length && i < levels.length; i++) {
                    if (parts[i].equals(MqttDevice.ID)) {
                        return levels[i];
                    }
                }
            }
        }
        return topic;
    }

    /** MQTT topic filter matching: {@code +} is one level, a final {@code #} is any number of levels. */
    static boolean matches(String filter, String topic) {
        String[] f = filter.split("/", -1);
        String[] t = topic.split("/", -1);
        for (int i = 0; i < f.length; i++) {
            if (f[i].equals("#")) {
                return true;
            }
            if (i >= t.length || !(f[i].equals("+") || f[i].equals(t[i]))) {
                return false;
            }
        }
        return f.length == t.length;
    }
}
