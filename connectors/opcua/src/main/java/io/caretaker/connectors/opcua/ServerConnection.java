package io.caretaker.connectors.opcua;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import io.caretaker.deviceprofiles.Point;
import io.caretaker.deviceprofiles.canonical.PointSample;
import io.caretaker.deviceprofiles.canonical.Quality;
import io.caretaker.deviceprofiles.canonical.Value;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.SessionActivityListener;
import org.eclipse.milo.opcua.sdk.client.UaSession;
import org.eclipse.milo.opcua.sdk.client.subscriptions.MonitoredItemServiceOperationResult;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.NamespaceTable;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.DataChangeTrigger;
import org.eclipse.milo.opcua.stack.core.types.enumerated.DeadbandType;
import org.eclipse.milo.opcua.stack.core.types.structured.DataChangeFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One session and one subscription to one OPC UA server, shared by every device on it. Devices register their
 * points; their monitored items join the subscription in batches of at most {@code maxItemsPerRequest} per
 * CreateMonitoredItems call. Connects with back-off, follows Milo's session reconnects, recreates the
 * subscription when a restarted server cannot take it over, and tells every device on it of loss and restoration.
 *
 * <p>All state changes run on one thread, so registering, connecting and resubscribing never race.
 */
final class ServerConnection {

    private static final Logger log = LoggerFactory.getLogger(ServerConnection.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration MAX_RETRY = Duration.ofSeconds(30);
    // StatusValueTimestamp: a fresh source timestamp on an unchanged value still notifies, which is how we know a
    // steady value is alive.
    private static final DataChangeFilter FILTER = new DataChangeFilter(DataChangeTrigger.StatusValueTimestamp,
            uint(DeadbandType.None.getValue()), 0.0);

    /** What a monitored item stands for. */
    private record MonitoredPoint(DeviceRegistration device, Point point) {
    }

    private final ServerAddress address;
    private final ClientFactory clients;
    private final int maxItemsPerRequest;
    private final ScheduledExecutorService worker;
    private final Map<String, DeviceRegistration> devices = new ConcurrentHashMap<>();
    private final SessionActivityListener sessionListener = new SessionActivityListener() {
        @Override
        public void onSessionActive(UaSession session) {
            run(() -> up());
        }

        @Override
        public void onSessionInactive(UaSession session) {
            run(() -> down("session lost"));
        }
    };

    // Touched only on the worker thread.
    private OpcUaClient client;
    private OpcUaSubscription subscription;
    private final java.util.Set<DeviceRegistration> inSubscription = new java.util.HashSet<>();
    private boolean connectPending;
    private String downCause;
    private Duration nextRetry = FIRST_RETRY;
    private volatile boolean closed;

    ServerConnection(ServerAddress address, ClientFactory clients, int maxItemsPerRequest) {
        this.address = address;
        this.clients = clients;
        this.maxItemsPerRequest = maxItemsPerRequest;
        this.worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "opcua-" + address.endpoint());
            thread.setDaemon(true);
            return thread;
        });
    }

    ServerAddress address() {
        return address;
    }

    /** Adds a device's points to the shared subscription, connecting first if nobody has yet. Returns at once. */
    void register(DeviceRegistration device) {
        devices.put(device.deviceId(), device);
        run(() -> {
            if (inSubscription.contains(device)) {
                return; // the connection that was under way when it registered took it in already
            }
            if (subscription != null && downCause == null) {
                addItemsOrWait(List.of(device));
            } else if (client == null && !connectPending) {
                connect();
            } else if (downCause != null) {
                device.connectionDown(address.endpoint(), downCause);
            }
        });
    }

    /** Takes a device's items out of the subscription. */
    void unregister(String deviceId) {
        DeviceRegistration device = devices.remove(deviceId);
        if (device == null) {
            return;
        }
        run(() -> {
            OpcUaSubscription current = subscription;
            if (current == null || !inSubscription.remove(device)) {
                return;
            }
            List<OpcUaMonitoredItem> items = current.getMonitoredItems().stream()
                    .filter(item -> item.getUserObject().map(o -> ((MonitoredPoint) o).device() == device).orElse(false))
                    .toList();
            current.removeMonitoredItems(items);
            try {
                current.deleteMonitoredItems();
            } catch (RuntimeException e) {
                log.debug("delete monitored items failed device={} endpoint={} cause={}", deviceId,
                        address.endpoint(), rootMessage(e));
            }
        });
    }

    boolean isEmpty() {
        return devices.isEmpty();
    }

    /**
     * Stops the connection and asks the server to end its session; the answer is not waited for here, so several
     * connections end at once (a server that is down would otherwise make each wait its turn): {@link #awaitClosed}.
     */
    CompletableFuture<?> close() {
        closed = true;
        worker.shutdownNow();
        OpcUaClient current = client;
        if (current == null) {
            return CompletableFuture.completedFuture(null);
        }
        current.removeSessionActivityListener(sessionListener);
        return current.disconnectAsync().whenComplete((done, e) -> {
            if (e != null) {
                log.debug("disconnect failed endpoint={} cause={}", address.endpoint(), e.toString());
            }
        });
    }

    /** Waits up to 5 s for closed connections' servers to end their sessions. */
    static void awaitClosed(List<CompletableFuture<?>> disconnects) {
        try {
            CompletableFuture.allOf(disconnects.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.debug("not every OPC UA server ended its session within 5 s cause={}", e.toString());
        }
    }

    private void run(Runnable task) {
        if (closed) {
            return;
        }
        try {
            worker.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // Closing: nobody is left to tell.
        }
    }

    private void schedule(Runnable task, Duration delay) {
        if (closed) {
            return;
        }
        try {
            worker.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // Closing.
        }
    }

    private void connect() {
        connectPending = false;
        if (closed) {
            return;
        }
        OpcUaClient candidate = null;
        try {
            candidate = clients.create(address);
            candidate.connect();
            client = candidate;
            subscribe();
            // From here on Milo's session machinery reconnects by itself; we only follow its state.
            candidate.addSessionActivityListener(sessionListener);
            nextRetry = FIRST_RETRY;
            up();
        } catch (Exception e) {
            client = null;
            subscription = null;
            if (candidate != null) {
                candidate.disconnectAsync();
            }
            down(rootMessage(e));
            log.debug("connect failed endpoint={} retryIn={} cause={}", address.endpoint(), nextRetry, rootMessage(e));
            connectPending = true;
            schedule(this::connect, nextRetry);
            nextRetry = nextRetry.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : nextRetry.multipliedBy(2);
        }
    }

    private void subscribe() throws Exception {
        OpcUaSubscription created = new OpcUaSubscription(client, (double) publishingInterval());
        created.setMaxMonitoredItemsPerCall(uint(maxItemsPerRequest));
        created.setSubscriptionListener(new OpcUaSubscription.SubscriptionListener() {
            @Override
            public void onDataReceived(OpcUaSubscription s, List<OpcUaMonitoredItem> items, List<DataValue> values) {
                deliver(items, values);
            }

            @Override
            public void onTransferFailed(OpcUaSubscription s, StatusCode status) {
                log.info("subscription not transferred, recreating endpoint={} status={}", address.endpoint(), status);
                run(() -> resubscribe(s));
            }
        });
        created.create();
        subscription = created;
        inSubscription.clear();
        addItems(List.copyOf(devices.values()));
    }

    private void resubscribe(OpcUaSubscription old) {
        if (closed || subscription != old || client == null) {
            return;
        }
        try {
            subscribe();
        } catch (Exception e) {
            log.warn("resubscribe failed endpoint={} cause={}", address.endpoint(), rootMessage(e));
            schedule(() -> resubscribe(old), FIRST_RETRY);
        }
    }

    // A device that joins while the session is being re-established is added when it is back.
    private void addItemsOrWait(Collection<DeviceRegistration> newcomers) {
        try {
            addItems(newcomers);
        } catch (RuntimeException e) {
            log.warn("cannot add monitored items yet endpoint={} devices={} cause={}", address.endpoint(),
                    newcomers.stream().map(DeviceRegistration::deviceId).toList(), rootMessage(e));
        }
    }

    private void addItems(Collection<DeviceRegistration> newcomers) {
        if (newcomers.isEmpty()) {
            return;
        }
        OpcUaSubscription current = subscription;
        // Re-read each time: a restarted server may have numbered its namespaces differently.
        NamespaceTable namespaces;
        try {
            namespaces = client.readNamespaceTable();
        } catch (Exception e) {
            namespaces = client.getNamespaceTable();
        }
        List<OpcUaMonitoredItem> items = new ArrayList<>();
        for (DeviceRegistration device : newcomers) {
            List<PointSample> unknown = new ArrayList<>();
            for (Point point : device.points()) {
                String nodeId = device.nodeIdOf(point);
                NodeId resolved = ExpandedNodeId.parse(nodeId).toNodeId(namespaces).orElse(null);
                if (resolved == null) {
                    log.warn("node not on server device={} point={} nodeId={} endpoint={} fix=\"check the namespace "
                            + "URI in the profile's nodeId; browse the server to see its namespaces\"",
                            device.deviceId(), point.id(), nodeId, address.endpoint());
                    unknown.add(bad(device, point));
                    continue;
                }
                OpcUaMonitoredItem item = OpcUaMonitoredItem.newDataItem(resolved);
                item.setSamplingInterval(device.samplingInterval());
                item.setFilter(FILTER);
                item.setUserObject(new MonitoredPoint(device, point));
                items.add(item);
            }
            if (!unknown.isEmpty()) {
                device.deliver(unknown);
            }
        }
        raisePublishingRate(current);
        current.addMonitoredItems(items);
        List<MonitoredItemServiceOperationResult> results;
        try {
            results = current.createMonitoredItems();
        } catch (RuntimeException e) {
            current.removeMonitoredItems(items);
            throw e;
        }
        inSubscription.addAll(newcomers);
        Map<DeviceRegistration, List<PointSample>> refused = new LinkedHashMap<>();
        for (MonitoredItemServiceOperationResult result : results) {
            if (!result.isGood()) {
                MonitoredPoint monitored = (MonitoredPoint) result.monitoredItem().getUserObject().orElseThrow();
                log.warn("monitored item refused device={} point={} nodeId={} endpoint={} status={}",
                        monitored.device().deviceId(), monitored.point().id(),
                        monitored.device().nodeIdOf(monitored.point()), address.endpoint(),
                        result.operationResult().orElse(result.serviceResult()));
                refused.computeIfAbsent(monitored.device(), d -> new ArrayList<>()).add(bad(monitored.device(),
                        monitored.point()));
            }
        }
        refused.forEach(DeviceRegistration::deliver);
        log.debug("monitored items created endpoint={} devices={} items={}", address.endpoint(), newcomers.size(),
                items.size());
    }

    private static PointSample bad(DeviceRegistration device, Point point) {
        Instant now = device.clock().instant();
        return new PointSample(device.deviceId(), point.id(), now, now, Value.absent(), Quality.BAD);
    }

    private void raisePublishingRate(OpcUaSubscription current) {
        double wanted = publishingInterval();
        if (current.getPublishingInterval() > wanted) {
            current.setPublishingInterval(wanted);
            try {
                current.modify();
            } catch (Exception e) {
                log.warn("cannot change publishing interval endpoint={} interval={} cause={}", address.endpoint(),
                        wanted, rootMessage(e));
            }
        }
    }

    private long publishingInterval() {
        return devices.values().stream().mapToLong(DeviceRegistration::publishingInterval).min().orElse(1000);
    }

    private void deliver(List<OpcUaMonitoredItem> items, List<DataValue> values) {
        Map<DeviceRegistration, List<PointSample>> byDevice = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            MonitoredPoint monitored = (MonitoredPoint) items.get(i).getUserObject().orElse(null);
            if (monitored == null || devices.get(monitored.device().deviceId()) != monitored.device()) {
                continue; // a device that left while this batch was on its way
            }
            DeviceRegistration device = monitored.device();
            byDevice.computeIfAbsent(device, d -> new ArrayList<>()).add(
                    DataValues.toSample(device.deviceId(), monitored.point(), values.get(i), device.clock().instant()));
        }
        byDevice.forEach(DeviceRegistration::deliver);
    }

    private void down(String cause) {
        if (closed) {
            return;
        }
        if (downCause == null) {
            log.warn("connection lost endpoint={} devices={} cause={}", address.endpoint(), devices.size(), cause);
        }
        downCause = cause;
        devices.values().forEach(d -> d.connectionDown(address.endpoint(), cause));
    }

    private void up() {
        if (closed) {
            return;
        }
        if (downCause != null) {
            log.info("connection restored endpoint={} devices={}", address.endpoint(), devices.size());
        }
        downCause = null;
        devices.values().forEach(d -> d.connectionUp(address.endpoint()));
        if (subscription != null) {
            addItemsOrWait(devices.values().stream().filter(d -> !inSubscription.contains(d)).toList());
        }
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
