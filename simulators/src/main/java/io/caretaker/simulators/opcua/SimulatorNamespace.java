package io.caretaker.simulators.opcua;

import java.util.List;
import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.server.ManagedNamespaceWithLifecycle;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.items.DataItem;
import org.eclipse.milo.opcua.sdk.server.items.MonitoredItem;
import org.eclipse.milo.opcua.sdk.server.nodes.UaFolderNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.sdk.server.util.SubscriptionModel;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;

/** The simulators' address space ({@code urn:caretaker:simulators}): one folder per device, string node ids. */
final class SimulatorNamespace extends ManagedNamespaceWithLifecycle {

    static final String URI = "urn:caretaker:simulators";

    // Samples node values at each monitored item's sampling interval, so plain setValue() calls reach subscribers.
    private final SubscriptionModel subscriptionModel;
    // One entry per CreateMonitoredItems request that reached this namespace, so tests can see batching.
    private final List<Integer> createdItemBatches = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.Set<Double> samplingIntervals = java.util.concurrent.ConcurrentHashMap.newKeySet();

    SimulatorNamespace(OpcUaServer server) {
        super(server, URI);
        subscriptionModel = new SubscriptionModel(server, this);
        getLifecycleManager().addLifecycle(subscriptionModel);
    }

    UaFolderNode addFolder(String id, String name) {
        UaFolderNode folder = new UaFolderNode(getNodeContext(), newNodeId(id), newQualifiedName(name),
                LocalizedText.english(name));
        getNodeManager().addNode(folder);
        folder.addReference(new Reference(folder.getNodeId(), NodeIds.Organizes,
                NodeIds.ObjectsFolder.expanded(), false));
        return folder;
    }

    UaVariableNode addVariable(UaFolderNode folder, String id, String name, NodeId dataType) {
        UaVariableNode node = new UaVariableNode.UaVariableNodeBuilder(getNodeContext())
                .setNodeId(newNodeId(id))
                .setAccessLevel(AccessLevel.READ_ONLY)
                .setUserAccessLevel(AccessLevel.READ_ONLY)
                .setBrowseName(newQualifiedName(name))
                .setDisplayName(LocalizedText.english(name))
                .setDataType(dataType)
                .setTypeDefinition(NodeIds.BaseDataVariableType)
                .build();
        getNodeManager().addNode(node);
        folder.addOrganizes(node);
        return node;
    }

    java.util.Set<Double> samplingIntervals() {
        return java.util.Set.copyOf(samplingIntervals);
    }

    List<Integer> createdItemBatches() {
        return List.copyOf(createdItemBatches);
    }

    DataValue valueOf(String id) {
        return getNodeManager().getNode(newNodeId(id))
                .map(node -> ((UaVariableNode) node).getValue())
                .orElseThrow(() -> new IllegalArgumentException("no node '" + id + "' in " + URI));
    }

    @Override
    public void onDataItemsCreated(List<DataItem> dataItems) {
        createdItemBatches.add(dataItems.size());
        dataItems.forEach(item -> samplingIntervals.add(item.getSamplingInterval()));
        subscriptionModel.onDataItemsCreated(dataItems);
    }

    @Override
    public void onDataItemsModified(List<DataItem> dataItems) {
        subscriptionModel.onDataItemsModified(dataItems);
    }

    @Override
    public void onDataItemsDeleted(List<DataItem> dataItems) {
        subscriptionModel.onDataItemsDeleted(dataItems);
    }

    @Override
    public void onMonitoringModeChanged(List<MonitoredItem> monitoredItems) {
        subscriptionModel.onMonitoringModeChanged(monitoredItems);
    }
}
