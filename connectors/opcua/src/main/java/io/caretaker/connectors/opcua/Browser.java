package io.caretaker.connectors.opcua;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.NamespaceTable;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExtensionObject;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseDirection;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseResultMask;
import org.eclipse.milo.opcua.stack.core.types.enumerated.NodeClass;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseResult;
import org.eclipse.milo.opcua.stack.core.types.structured.EUInformation;
import org.eclipse.milo.opcua.stack.core.types.structured.ReadValueId;
import org.eclipse.milo.opcua.stack.core.types.structured.ReferenceDescription;

/**
 * Lists the variables under a server's Objects folder (the server's own diagnostics in namespace 0 left out), so an
 * engineer can write a profile: node ids, browse paths, data types and engineering units.
 */
public final class Browser {

    /** Stops a browse of a very large server from running for ever; the listing says it was cut. */
    public static final int MAX_VARIABLES = 10_000;
    private static final int MAX_DEPTH = 20;
    private static final int READ_BATCH = 500;

    private final ClientFactory clients;

    public Browser(ClientPki pki) {
        this.clients = new ClientFactory(pki);
    }

    /** Connects, browses and disconnects. */
    public List<BrowsedVariable> browse(ServerAddress address) throws UaException {
        OpcUaClient client = clients.create(address);
        try {
            client.connect();
            return browse(client);
        } finally {
            try {
                client.disconnect();
            } catch (UaException e) {
                // the listing is complete; a failed goodbye changes nothing
            }
        }
    }

    private record Found(NodeId nodeId, String path, String displayName) {
    }

    private record Step(NodeId nodeId, String path, int depth) {
    }

    private static List<BrowsedVariable> browse(OpcUaClient client) throws UaException {
        NamespaceTable namespaces = client.readNamespaceTable();
        Map<NodeId, Found> variables = new LinkedHashMap<>();
        Map<NodeId, NodeId> unitsProperty = new HashMap<>();
        Set<NodeId> visited = new HashSet<>();
        Deque<Step> queue = new ArrayDeque<>();
        queue.add(new Step(NodeIds.ObjectsFolder, "Objects", 0));
        visited.add(NodeIds.ObjectsFolder);
        while (!queue.isEmpty() && variables.size() < MAX_VARIABLES) {
            Step step = queue.poll();
            for (ReferenceDescription ref : children(client, step.nodeId())) {
                NodeId child = ref.getNodeId().toNodeId(namespaces).orElse(null);
                if (child == null || child.getNamespaceIndex().intValue() == 0 || !visited.add(child)) {
                    continue;
                }
                String name = name(ref.getBrowseName());
                if (NodeIds.HasProperty.equals(ref.getReferenceTypeId())) {
                    if ("EngineeringUnits".equals(name)) {
                        unitsProperty.put(step.nodeId(), child);
                    }
                    continue;
                }
                String path = step.path() + "/" + name;
                if (ref.getNodeClass() == NodeClass.Variable) {
                    variables.put(child, new Found(child, path, text(ref.getDisplayName())));
                }
                if (step.depth() < MAX_DEPTH) {
                    // Variables can have components of their own (an AnalogItem's properties, a structure's fields).
                    queue.add(new Step(child, path, step.depth() + 1));
                }
            }
        }
        List<NodeId> ids = new ArrayList<>(variables.keySet());
        List<DataValue> dataTypes = read(client, ids, AttributeId.DataType);
        Map<NodeId, String> typeNames = typeNames(client, dataTypes);
        List<NodeId> withUnits = ids.stream().filter(unitsProperty::containsKey).toList();
        List<DataValue> units = read(client, withUnits.stream().map(unitsProperty::get).toList(), AttributeId.Value);
        Map<NodeId, String> unitOf = new HashMap<>();
        for (int i = 0; i < withUnits.size(); i++) {
            unitOf.put(withUnits.get(i), unit(client, units.get(i)));
        }
        List<BrowsedVariable> result = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            Found found = variables.get(ids.get(i));
            Object type = dataTypes.get(i).getValue().getValue();
            result.add(new BrowsedVariable(profileNodeId(found.nodeId(), namespaces), found.path(), found.displayName(),
                    type instanceof NodeId t ? typeNames.getOrDefault(t, t.toParseableString()) : "",
                    unitOf.getOrDefault(found.nodeId(), "")));
        }
        return result;
    }

    private static List<ReferenceDescription> children(OpcUaClient client, NodeId node) throws UaException {
        BrowseResult result = client.browse(new BrowseDescription(node, BrowseDirection.Forward,
                NodeIds.HierarchicalReferences, true,
                uint(NodeClass.Object.getValue() | NodeClass.Variable.getValue()),
                uint(BrowseResultMask.All.getValue())));
        List<ReferenceDescription> references = new ArrayList<>();
        while (true) {
            if (result.getReferences() != null) {
                references.addAll(List.of(result.getReferences()));
            }
            ByteString next = result.getContinuationPoint();
            if (next == null || next.isNull()) {
                return references;
            }
            result = client.browseNext(false, List.of(next)).getResults()[0];
        }
    }

    private static List<DataValue> read(OpcUaClient client, List<NodeId> nodes, AttributeId attribute)
            throws UaException {
        List<DataValue> values = new ArrayList<>(nodes.size());
        for (int from = 0; from < nodes.size(); from += READ_BATCH) {
            List<ReadValueId> batch = nodes.subList(from, Math.min(nodes.size(), from + READ_BATCH)).stream()
                    .map(n -> new ReadValueId(n, attribute.uid(), null, QualifiedName.NULL_VALUE))
                    .toList();
            DataValue[] results = client.read(0.0, TimestampsToReturn.Neither, batch).getResults();
            values.addAll(List.of(results));
        }
        return values;
    }

    private static Map<NodeId, String> typeNames(OpcUaClient client, List<DataValue> dataTypes) throws UaException {
        List<NodeId> distinct = dataTypes.stream().map(v -> v.getValue().getValue())
                .filter(NodeId.class::isInstance).map(NodeId.class::cast).distinct().toList();
        List<DataValue> names = read(client, distinct, AttributeId.BrowseName);
        Map<NodeId, String> byId = new HashMap<>();
        for (int i = 0; i < distinct.size(); i++) {
            if (names.get(i).getValue().getValue() instanceof QualifiedName name) {
                byId.put(distinct.get(i), name.name());
            }
        }
        return byId;
    }

    private static String unit(OpcUaClient client, DataValue value) {
        if (value.getValue().getValue() instanceof ExtensionObject xo) {
            try {
                if (xo.decode(client.getStaticEncodingContext()) instanceof EUInformation eu) {
                    String display = text(eu.getDisplayName());
                    return display.isEmpty() ? text(eu.getDescription()) : display;
                }
            } catch (RuntimeException e) {
                return "";
            }
        }
        return "";
    }

    /** {@code ns=2;s=ahu-1/Fan} becomes {@code nsu=urn:vendor;s=ahu-1/Fan}: namespace indexes change, URIs do not. */
    static String profileNodeId(NodeId nodeId, NamespaceTable namespaces) {
        String parseable = nodeId.toParseableString();
        int index = nodeId.getNamespaceIndex().intValue();
        String uri = namespaces.get(nodeId.getNamespaceIndex());
        if (index == 0 || uri == null || !parseable.startsWith("ns=")) {
            return parseable;
        }
        return "nsu=" + uri + parseable.substring(parseable.indexOf(';'));
    }

    private static String name(QualifiedName name) {
        return name == null || name.name() == null ? "?" : name.name();
    }

    private static String text(LocalizedText text) {
        return text == null || text.text() == null ? "" : text.text();
    }
}
