package io.caretaker.connectors.mqtt;

import io.caretaker.deviceprofiles.DeviceProfile;
import java.util.List;
import java.util.Objects;

/**
 * One installed device reached over MQTT: its id, the id it uses in its topics, its profile, and its topic
 * patterns, in which {@code {id}} stands for one topic level holding {@code topicId}
 * ({@code zigbee2mqtt/{id}}, {@code tele/{id}/SENSOR}).
 */
public record MqttDevice(String deviceId, String topicId, DeviceProfile profile, List<String> topicPatterns) {

    public static final String ID = "{id}";

    public MqttDevice {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(profile, "profile");
        topicId = topicId == null ? deviceId : topicId;
        topicPatterns = List.copyOf(topicPatterns);
        if (topicPatterns.isEmpty()) {
            throw new IllegalArgumentException("device " + deviceId + " has no MQTT topic: set connection.topic in the site file"
                    + " or mqtt.topics in profile " + profile.id());
        }
    }

    /** The topic filters this device's messages arrive on, {@code {id}} filled. */
    public List<String> topics() {
        return topicPatterns.stream().map(p -> p.replace(ID, topicId)).toList();
    }

    /** What the connection subscribes to: {@code {id}} becomes {@code +}, so one subscription serves every device of a pattern. */
    public List<String> subscriptions() {
        return topicPatterns.stream().map(p -> p.replace(ID, "+")).toList();
    }
}
