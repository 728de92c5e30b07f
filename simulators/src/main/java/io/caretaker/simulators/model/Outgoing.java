package io.caretaker.simulators.model;

/** A payload a simulated device sends by itself; {@code topic} null means the device's own topic. */
public record Outgoing(String topic, String text) {
}
