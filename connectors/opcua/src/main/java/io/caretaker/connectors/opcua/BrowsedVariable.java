package io.caretaker.connectors.opcua;

/**
 * One variable found on a server, with what a profile author needs: the node id to put in a profile
 * ({@code nsu=<namespace URI>;s=...}, stable across server restarts), where it sits, its data type and its
 * engineering unit (from the EngineeringUnits property; empty when the server gives none).
 */
public record BrowsedVariable(String nodeId, String browsePath, String displayName, String dataType, String unit) {
}
