package io.caretaker.deviceprofiles.canonical;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** Something a device reported or that happened to it (a door forced, a connection lost), as opposed to a point value. */
public record DeviceEvent(String deviceId, String type, Instant observedAt, Map<String, Object> attributes) {

    /** Emitted by a connector when it loses a device. */
    public static final String CONNECTION_LOST = "connection-lost";
    /** Emitted by a connector when a lost device answers again. */
    public static final String CONNECTION_RESTORED = "connection-restored";

    public DeviceEvent {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(observedAt, "observedAt");
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
