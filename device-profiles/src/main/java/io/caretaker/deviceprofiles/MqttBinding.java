package io.caretaker.deviceprofiles;

/** Where a point sits in a device's JSON payload: a JSON Pointer such as {@code /contact} or {@code /ENERGY/Total}. */
public record MqttBinding(String path) {
}
