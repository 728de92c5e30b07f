package io.caretaker.deviceprofiles.site;

import java.util.Map;

/** A device installed on a site: which profile it follows, where it is, and how the hub reaches it. */
public record InstalledDevice(String id, String profile, String name, String building, String floor, String room,
                              Connection connection,
                              // rule id -> the rule's fields changed for this device (above, for, clear...)
                              Map<String, Map<String, Object>> overrides) {

    public InstalledDevice(String id, String profile, String name, String building, String floor, String room,
                           Connection connection) {
        this(id, profile, name, building, floor, room, connection, null);
    }

    public InstalledDevice {
        overrides = overrides == null ? Map.of() : Map.copyOf(overrides);
    }
}
