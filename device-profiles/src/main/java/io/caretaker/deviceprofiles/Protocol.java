package io.caretaker.deviceprofiles;

import com.fasterxml.jackson.annotation.JsonValue;

/** The wire protocols a connector exists for. */
public enum Protocol {
    MODBUS,
    OPCUA,
    MQTT;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
