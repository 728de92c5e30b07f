package io.caretaker.deviceprofiles.site;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** The MQTT protocol version the hub speaks to a broker, as written in a site file: {@code 5} or {@code 3.1.1}. */
public enum MqttVersion {
    V3_1_1("3.1.1"),
    V5("5");

    private final String wireName;

    MqttVersion(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static MqttVersion of(String text) {
        return Arrays.stream(values()).filter(v -> v.wireName.equals(text)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("mqttVersion " + text + " is not known; write 5 or 3.1.1"));
    }
}
