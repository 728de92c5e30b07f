package io.caretaker.hub.devices;

/** Whether a device is reporting: UNKNOWN until its first sample or its no-data time has passed. */
public enum DeviceStatus {
    ONLINE,
    OFFLINE,
    UNKNOWN
}
