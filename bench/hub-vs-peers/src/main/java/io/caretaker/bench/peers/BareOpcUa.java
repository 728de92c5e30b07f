package io.caretaker.bench.peers;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;

/**
 * The bare peer of the hub's OPC UA connector: one plain Milo client, one session and one subscription with a
 * monitored item per variable of the bench devices, at the same sampling and publishing interval the hub asks for,
 * counting the values it is sent.
 */
final class BareOpcUa implements AutoCloseable {

    private final OpcUaClient client;
    private final AtomicLong values = new AtomicLong();

    BareOpcUa(String endpoint, int devices, int variables, int intervalMillis) throws Exception {
        client = OpcUaClient.create(endpoint);
        client.connect();
        var namespaces = client.readNamespaceTable();
        OpcUaSubscription subscription = new OpcUaSubscription(client, (double) intervalMillis);
        subscription.setSubscriptionListener(new OpcUaSubscription.SubscriptionListener() {
            @Override
            public void onDataReceived(OpcUaSubscription s, List<OpcUaMonitoredItem> items, List<DataValue> received) {
                values.addAndGet(received.size());
            }
        });
        subscription.create();
        List<OpcUaMonitoredItem> items = new ArrayList<>();
        for (int d = 1; d <= devices; d++) {
            for (int v = 0; v < variables; v++) {
                NodeId node = ExpandedNodeId.parse("nsu=urn:caretaker:simulators;s=" + BenchSite.opcuaId(d) + "/Value" + v)
                        .toNodeId(namespaces).orElseThrow();
                OpcUaMonitoredItem item = OpcUaMonitoredItem.newDataItem(node);
                item.setSamplingInterval(intervalMillis);
                items.add(item);
            }
        }
        subscription.addMonitoredItems(items);
        subscription.createMonitoredItems();
    }

    /** Values received so far. */
    long values() {
        return values.get();
    }

    @Override
    public void close() throws Exception {
        client.disconnect();
    }
}
