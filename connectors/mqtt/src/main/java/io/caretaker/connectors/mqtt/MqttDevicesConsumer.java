package io.caretaker.connectors.mqtt;

import io.caretaker.deviceprofiles.Point;
import io.caretaker.deviceprofiles.Protocol;
import io.caretaker.deviceprofiles.canonical.DeviceEvent;
import io.caretaker.deviceprofiles.canonical.PointSample;
import io.caretaker.deviceprofiles.site.MqttVersion;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One MQTT connection for all devices behind a broker. The session is persistent and every subscription is QoS 1;
 * each message is acknowledged only after the route has taken it, so a hub that dies mid-message gets it again.
 * If the broker is unreachable, at start or later, the consumer retries with back-off (1 s doubling to 30 s) and
 * reports COMM_LOSS for every device meanwhile; when it is back it subscribes again (in case the broker lost the
 * session) and the devices report by themselves.
 */
final class MqttDevicesConsumer extends DefaultConsumer implements BrokerClient.Listener {

    static final String TOPIC = "CamelMqttTopic";
    static final String DECODER = "caretaker.mqtt.decoder";
    static final String DEVICE = "caretaker.mqtt.device";
    static final String UNKNOWN_DEVICE = "caretaker.mqtt.unknownDevice";
    static final String RECEIVED_AT = "caretaker.mqtt.receivedAt";
    static final String RAW_PAYLOAD = "caretaker.mqtt.rawPayload";
    static final String PROBLEMS = "caretaker.mqtt.decoded";

    private static final Logger log = LoggerFactory.getLogger(MqttDevicesConsumer.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(30);

    private final MqttConnectionSettings settings;
    private final List<MqttDevice> devices;
    private final Clock clock;
    private final TopicRouter router;
    private final Map<String, PayloadDecoder> decoders;
    private final String name;
    private ScheduledExecutorService connector;
    private BrokerClient client;
    private volatile boolean running;
    private volatile boolean lost;
    private volatile Duration nextRetry = FIRST_RETRY;

    MqttDevicesConsumer(MqttDevicesEndpoint endpoint, Processor processor, MqttConnectionSettings settings,
                        List<MqttDevice> devices, Clock clock) {
        super(endpoint, processor);
        this.settings = settings;
        this.devices = devices;
        this.clock = clock;
        this.router = new TopicRouter(devices);
        this.decoders = devices.stream().collect(Collectors.toMap(MqttDevice::deviceId, d -> new PayloadDecoder(d.deviceId(), d.profile())));
        this.name = endpoint.getConnection();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        client = settings.version() == MqttVersion.V3_1_1 ? new Mqtt311Client(settings, this) : new Mqtt5Client(settings, this);
        connector = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mqtt-connect-" + name);
            t.setDaemon(true);
            return t;
        });
        running = true;
        connector.execute(this::connect);
    }

    @Override
    protected void doStop() throws Exception {
        running = false;
        connector.shutdownNow();
        client.close(); // keeps the session: the broker holds QoS 1 messages for us until we are back
        super.doStop();
    }

    private void connect() {
        if (!running) {
            return;
        }
        try {
            client.connect(); // connected() then subscribes
        } catch (Exception e) {
            if (!lost) {
                log.warn("mqtt broker unreachable connection={} broker={} devices={} cause={}; retrying", name, settings.brokerUrl(),
                        devices.size(), rootCause(e));
                reportLost();
            }
            scheduleReconnect();
        }
    }

    /** Paho wraps the telling cause (a refused certificate, a bad password) in a generic exception. */
    static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + ": " + root;
    }

    private void scheduleReconnect() {
        if (!running) {
            return;
        }
        Duration delay = nextRetry;
        Duration doubled = delay.multipliedBy(2);
        nextRetry = doubled.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : doubled;
        connector.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void connected() {
        // not on the client's callback thread: waiting there for the SUBACK would hold up the messages behind it
        connector.execute(this::subscribe);
    }

    private void subscribe() {
        List<String> filters = router.subscriptions();
        try {
            client.subscribe(filters);
        } catch (Exception e) {
            log.warn("mqtt subscribe failed connection={} topics={} cause={}; reconnecting", name, filters, e.getMessage());
            client.disconnect();
            scheduleReconnect();
            return;
        }
        nextRetry = FIRST_RETRY;
        log.info("mqtt connected connection={} broker={} clientId={} version={} topics={} devices={}", name, settings.brokerUrl(),
                settings.clientId(), settings.version().wireName(), filters, devices.size());
        if (lost) {
            lost = false;
            Instant now = clock.instant();
            deliver(devices.stream().<Object>map(d -> new DeviceEvent(d.deviceId(), DeviceEvent.CONNECTION_RESTORED, now,
                    Map.of("broker", settings.brokerUrl()))).toList());
        }
    }

    @Override
    public void lost(String cause) {
        if (!running) {
            return;
        }
        log.warn("mqtt connection lost connection={} broker={} cause={}; retrying", name, settings.brokerUrl(), cause);
        reportLost();
        scheduleReconnect();
    }

    private synchronized void reportLost() {
        if (lost) {
            return;
        }
        lost = true;
        Instant now = clock.instant();
        List<Object> records = new ArrayList<>();
        for (MqttDevice device : devices) {
            for (Point point : device.profile().pointsBoundTo(Protocol.MQTT)) {
                records.add(PointSample.commLoss(device.deviceId(), point.id(), now));
            }
            records.add(new DeviceEvent(device.deviceId(), DeviceEvent.CONNECTION_LOST, now, Map.of("broker", settings.brokerUrl())));
        }
        deliver(records);
    }

    private void deliver(List<Object> records) {
        Exchange exchange = createExchange(true);
        exchange.getMessage().setBody(records);
        try {
            getProcessor().process(exchange);
        } catch (Exception e) {
            getExceptionHandler().handleException("delivering connection state of " + name, exchange, e);
        } finally {
            releaseExchange(exchange, true);
        }
    }

    @Override
    public void message(String topic, byte[] payload, int messageId, int qos) {
        Exchange exchange = createExchange(true);
        try {
            exchange.getMessage().setHeader(TOPIC, topic);
            exchange.getMessage().setBody(payload);
            exchange.setProperty(RECEIVED_AT, clock.instant());
            router.deviceFor(topic).ifPresentOrElse(device -> {
                exchange.setProperty(DEVICE, device.deviceId());
                exchange.setProperty(DECODER, decoders.get(device.deviceId()));
            }, () -> exchange.setProperty(UNKNOWN_DEVICE, router.unknownDeviceName(topic)));
            log.trace("mqtt message connection={} topic={} bytes={}", name, topic, payload.length);
            getProcessor().process(exchange);
            if (exchange.getException() != null) {
                getExceptionHandler().handleException("processing MQTT message on " + topic, exchange, exchange.getException());
            }
        } catch (Exception e) {
            getExceptionHandler().handleException("processing MQTT message on " + topic, exchange, e);
        } finally {
            releaseExchange(exchange, true);
            acknowledge(messageId, qos);
        }
    }

    /** After the route has the message: the broker may now forget it. */
    private void acknowledge(int messageId, int qos) {
        if (qos == 0) {
            return;
        }
        try {
            client.acknowledge(messageId, qos);
        } catch (Exception e) {
            log.debug("mqtt ack failed connection={} id={} cause={}", name, messageId, e.getMessage());
        }
    }
}
