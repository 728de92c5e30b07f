package io.caretaker.connectors.opcua;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import io.caretaker.deviceprofiles.DeviceProfile;
import io.caretaker.deviceprofiles.Point;
import io.caretaker.deviceprofiles.Protocol;
import io.caretaker.deviceprofiles.canonical.DeviceEvent;
import io.caretaker.deviceprofiles.canonical.PointSample;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.SessionActivityListener;
import org.eclipse.milo.opcua.sdk.client.UaSession;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.NamespaceTable;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.DataChangeTrigger;
import org.eclipse.milo.opcua.stack.core.types.enumerated.DeadbandType;
import org.eclipse.milo.opcua.stack.core.types.structured.DataChangeFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One device's OPC UA session and its single subscription: connects with back-off, reports connection loss and
 * restoration once per transition, and recreates the subscription when a restarted server cannot take it over.
 */
final class DeviceSubscription {

    private static final Logger log = LoggerFactory.getLogger(DeviceSubscription.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration MAX_RETRY = Duration.ofSeconds(30);

    /** Where the samples and events go. */
    interface Listener {

        void onSamples(List<PointSample> samples);

        void onEvent(DeviceEvent event);
    }

    /** What to subscribe to and how often. */
    record Settings(String deviceId, String endpoint, DeviceProfile profile, String nodePrefix,
                    long samplingInterval, long publishingInterval, Clock clock) {

        List<Point> points() {
            return profile.pointsBoundTo(Protocol.OPCUA);
        }
    }

    private final Settings settings;
    private final Listener listener;
    private final ScheduledExecutorService scheduler;
    private final SessionActivityListener sessionListener = new SessionActivityListener() {
        @Override
        public void onSessionActive(UaSession session) {
            connectionUp();
        }

        @Override
        public void onSessionInactive(UaSession session) {
            connectionDown("session lost");
        }
    };

    private volatile OpcUaClient client;
    private Duration nextRetry = FIRST_RETRY; // touched only on the scheduler thread
    private boolean lost;
    private volatile boolean stopped;

    DeviceSubscription(Settings settings, Listener listener) {
        this.settings = settings;
        this.listener = listener;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "opcua-connect-" + settings.deviceId());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Returns at once; connecting happens in the background so an unreachable server does not fail the route. */
    void start() {
        scheduler.execute(this::connect);
    }

    void stop() {
        stopped = true;
        scheduler.shutdownNow();
        OpcUaClient current = client;
        if (current != null) {
            current.removeSessionActivityListener(sessionListener);
            try {
                current.disconnectAsync().get(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                log.debug("disconnect failed device={} endpoint={} cause={}", settings.deviceId(),
                        settings.endpoint(), e.toString());
            }
        }
    }

    private void connect() {
        if (stopped) {
            return;
        }
        OpcUaClient candidate = null;
        try {
            candidate = newClient();
            candidate.connect();
            subscribe(candidate);
            // From here on Milo's session machinery reconnects by itself; we only follow its state.
            candidate.addSessionActivityListener(sessionListener);
            client = candidate;
            nextRetry = FIRST_RETRY;
            if (stopped) {
                // stop() ran while we were connecting and found no client to close.
                candidate.disconnectAsync();
                return;
            }
            connectionUp();
        } catch (Exception e) {
            if (candidate != null) {
                candidate.disconnectAsync();
            }
            connectionDown(rootMessage(e));
            log.debug("connect failed device={} endpoint={} retryIn={} cause={}", settings.deviceId(),
                    settings.endpoint(), nextRetry, rootMessage(e));
            if (!stopped) {
                scheduler.schedule(this::connect, nextRetry.toMillis(), TimeUnit.MILLISECONDS);
                nextRetry = nextRetry.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : nextRetry.multipliedBy(2);
            }
        }
    }

    private OpcUaClient newClient() throws UaException {
        return OpcUaClient.create(settings.endpoint(),
                endpoints -> endpoints.stream()
                        .filter(e -> SecurityPolicy.None.getUri().equals(e.getSecurityPolicyUri()))
                        .findFirst(),
                transport -> {},
                config -> config
                        .setApplicationName(LocalizedText.english("Caretaker OPC UA connector"))
                        .setApplicationUri("urn:caretaker:connector:opcua")
                        .setRequestTimeout(uint(5_000)));
    }

    private void subscribe(OpcUaClient opcUaClient) throws UaException {
        // Re-read each time: a restarted server may have numbered its namespaces differently.
        NamespaceTable namespaces = opcUaClient.readNamespaceTable();
        OpcUaSubscription subscription = new OpcUaSubscription(opcUaClient, (double) settings.publishingInterval());
        subscription.setSubscriptionListener(new OpcUaSubscription.SubscriptionListener() {
            @Override
            public void onDataReceived(OpcUaSubscription s, List<OpcUaMonitoredItem> items, List<DataValue> values) {
                deliver(items, values);
            }

            @Override
            public void onTransferFailed(OpcUaSubscription s, StatusCode status) {
                log.info("subscription not transferred, recreating device={} endpoint={} status={}",
                        settings.deviceId(), settings.endpoint(), status);
                scheduler.execute(() -> resubscribe(opcUaClient));
            }
        });
        // StatusValueTimestamp: a fresh source timestamp on an unchanged value still notifies, which is
        // how we know a steady value is alive.
        DataChangeFilter filter = new DataChangeFilter(DataChangeTrigger.StatusValueTimestamp,
                uint(DeadbandType.None.getValue()), 0.0);
        for (Point point : settings.points()) {
            String nodeId = point.bindings().opcua().nodeIdFor(settings.nodePrefix());
            NodeId resolved = ExpandedNodeId.parse(nodeId).toNodeId(namespaces).orElseThrow(() -> new UaException(
                    StatusCodes.Bad_NodeIdUnknown, "server does not know the namespace of " + nodeId));
            OpcUaMonitoredItem item = OpcUaMonitoredItem.newDataItem(resolved);
            item.setSamplingInterval(settings.samplingInterval());
            item.setFilter(filter);
            item.setUserObject(point);
            subscription.addMonitoredItem(item);
        }
        subscription.create();
        subscription.createMonitoredItems().stream()
                .filter(result -> !result.isGood())
                .forEach(result -> log.warn("monitored item refused device={} endpoint={} result={}",
                        settings.deviceId(), settings.endpoint(), result));
    }

    private void resubscribe(OpcUaClient opcUaClient) {
        if (stopped) {
            return;
        }
        try {
            subscribe(opcUaClient);
        } catch (Exception e) {
            log.warn("resubscribe failed device={} endpoint={} cause={}", settings.deviceId(), settings.endpoint(),
                    rootMessage(e));
            scheduler.schedule(() -> resubscribe(opcUaClient), FIRST_RETRY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void deliver(List<OpcUaMonitoredItem> items, List<DataValue> values) {
        Instant receivedAt = settings.clock().instant();
        List<PointSample> samples = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Point point = (Point) items.get(i).getUserObject().orElseThrow();
            samples.add(DataValues.toSample(settings.deviceId(), point, values.get(i), receivedAt));
        }
        log.trace("samples device={} samples={}", settings.deviceId(), samples);
        listener.onSamples(samples);
    }

    private synchronized void connectionDown(String cause) {
        if (lost || stopped) {
            return;
        }
        lost = true;
        log.warn("connection lost device={} endpoint={} cause={}", settings.deviceId(), settings.endpoint(), cause);
        Instant now = settings.clock().instant();
        listener.onSamples(settings.points().stream()
                .map(point -> PointSample.commLoss(settings.deviceId(), point.id(), now))
                .toList());
        listener.onEvent(new DeviceEvent(settings.deviceId(), DeviceEvent.CONNECTION_LOST, now,
                Map.of("endpoint", settings.endpoint(), "cause", cause)));
    }

    private synchronized void connectionUp() {
        if (!lost || stopped) {
            return;
        }
        lost = false;
        log.info("connection restored device={} endpoint={}", settings.deviceId(), settings.endpoint());
        listener.onEvent(new DeviceEvent(settings.deviceId(), DeviceEvent.CONNECTION_RESTORED,
                settings.clock().instant(), Map.of("endpoint", settings.endpoint())));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
