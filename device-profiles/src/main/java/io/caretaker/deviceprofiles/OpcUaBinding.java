package io.caretaker.deviceprofiles;

/**
 * Where a point sits on an OPC UA server: an expanded node id such as
 * {@code nsu=urn:vendor:ahu;s={prefix}SupplyAirTemperature}, where {@code {prefix}} is filled from the
 * site file's connection so one profile serves every unit on a server.
 */
public record OpcUaBinding(String nodeId) {

    public String nodeIdFor(String prefix) {
        return nodeId.replace("{prefix}", prefix == null ? "" : prefix);
    }
}
