package io.caretaker.simulators.opcua;

import io.caretaker.deviceprofiles.Point;
import io.caretaker.deviceprofiles.Protocol;
import io.caretaker.deviceprofiles.canonical.Value;
import io.caretaker.simulators.model.DeviceModel;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.milo.opcua.sdk.server.nodes.UaFolderNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;

/**
 * A simulated device's variables on the OPC UA simulator, one per point bound to OPC UA, with the node ids its
 * profile gives ({@code nsu=urn:caretaker:simulators;s={prefix}Name}). Values carry the simulated time as their
 * source timestamp; a silent device says Bad_NoCommunication once, as a gateway that lost its field device does.
 */
public final class ProfileNodes {

    private static final String NAMESPACE = "nsu=" + SimulatorNamespace.URI + ";s=";

    private final DeviceModel device;
    private final Map<String, UaVariableNode> nodes = new LinkedHashMap<>();
    private boolean lost;

    ProfileNodes(DeviceModel device, String prefix, SimulatorNamespace namespace) {
        this.device = device;
        UaFolderNode folder = namespace.addFolder("Devices/" + device.deviceId(), device.deviceId());
        for (Point point : device.profile().pointsBoundTo(Protocol.OPCUA)) {
            String nodeId = point.bindings().opcua().nodeId().replace("{prefix}", prefix == null ? "" : prefix);
            if (!nodeId.startsWith(NAMESPACE)) {
                throw new IllegalArgumentException("profile " + device.profile().id() + " point " + point.id() + ": node id "
                        + nodeId + " is not in the simulator's namespace; write it as " + NAMESPACE + "{prefix}<Name>");
            }
            String id = nodeId.substring(NAMESPACE.length());
            String name = id.substring(id.lastIndexOf('/') + 1);
            var type = switch (point.kind()) {
                case NUMBER -> NodeIds.Double;
                case BOOLEAN -> NodeIds.Boolean;
                case TEXT -> NodeIds.String;
            };
            nodes.put(point.id(), namespace.addVariable(folder, id, name, type));
        }
    }

    /** Shows the device's current values, stamped {@code at}; or, once, that it is lost while it is silent. */
    public synchronized void update(Instant at) {
        DateTime time = new DateTime(at);
        if (device.silent()) {
            if (!lost) {
                DataValue gone = new DataValue(Variant.NULL_VALUE, new StatusCode(StatusCodes.Bad_NoCommunication), time, time);
                nodes.values().forEach(node -> node.setValue(gone));
                lost = true;
            }
            return;
        }
        lost = false;
        nodes.forEach((pointId, node) -> {
            Value value = device.value(pointId);
            Object plain = value.plain();
            node.setValue(new DataValue(plain == null ? Variant.NULL_VALUE : new Variant(plain), StatusCode.GOOD, time, time));
        });
    }
}
