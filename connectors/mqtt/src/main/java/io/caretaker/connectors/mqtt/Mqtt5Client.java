package io.caretaker.connectors.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/** An MQTT 5 connection: clean start off and a session expiry, so the broker keeps QoS 1 messages while the hub is away. */
final class Mqtt5Client implements BrokerClient, MqttCallback {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Mqtt5Client.class);
    static final int RECEIVE_MAXIMUM = 65_535;

    private final MqttConnectionSettings settings;
    private final Listener listener;
    private final MqttAsyncClient client;

    Mqtt5Client(MqttConnectionSettings settings, Listener listener) throws MqttException {
        this.settings = settings;
        this.listener = listener;
        this.client = new MqttAsyncClient(settings.brokerUrl(), settings.clientId(), new MemoryPersistence());
        client.setManualAcks(true);
        client.setCallback(this);
    }

    @Override
    public void connect() throws MqttException {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(false);
        options.setSessionExpiryInterval(settings.sessionExpiry().toSeconds());
        options.setAutomaticReconnect(false); // the connector's own loop: Paho's does not retry a first connect that fails
        options.setConnectionTimeout(10);
        options.setKeepAliveInterval(30);
        // MQTT 5's largest window: the broker keeps what the hub has not acknowledged in flight rather than in its
        // per-client queue, which Mosquitto caps at 1000 (max_queued_messages) and then drops new messages from, even
        // QoS 1 ones, so a hub a few thousand messages behind lost a fault among them. Paho reads no faster than the
        // route takes messages, so the rest waits in the broker and the socket, not in the hub's memory.
        options.setReceiveMaximum(RECEIVE_MAXIMUM);
        if (settings.username() != null) {
            options.setUserName(settings.username());
        }
        if (settings.password() != null) {
            options.setPassword(settings.password().getBytes(StandardCharsets.UTF_8));
        }
        if (settings.caFile() != null) {
            options.setSocketFactory(TrustedCertificates.socketFactory(settings.caFile()));
        }
        client.connect(options).waitForCompletion(15_000);
    }

    @Override
    public void subscribe(List<String> filters) throws MqttException {
        int[] qos = new int[filters.size()];
        Arrays.fill(qos, 1);
        client.subscribe(filters.toArray(String[]::new), qos).waitForCompletion(15_000);
    }

    @Override
    public void acknowledge(int messageId, int qos) throws MqttException {
        client.messageArrivedComplete(messageId, qos);
    }

    @Override
    public void disconnect() {
        try {
            if (client.isConnected()) {
                client.disconnect(5_000, null, null, 0, new MqttProperties()).waitForCompletion(5_000);
            }
        } catch (MqttException e) {
            // the connector reconnects anyway
        }
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(5_000, null, null, 0, new MqttProperties()).waitForCompletion(5_000);
            }
            client.close(true);
        } catch (MqttException e) {
            // closing anyway
        }
    }

    @Override
    public void connectComplete(boolean reconnect, String serverURI) {
        listener.connected();
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
        listener.lost(response.getException() != null ? MqttDevicesConsumer.rootCause(response.getException()) : response.getReasonString());
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        listener.message(topic, message.getPayload(), message.getId(), message.getQos());
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
        log.warn("mqtt error clientId={} cause={}", settings.clientId(), exception.getMessage());
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
        // the hub does not publish
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
        // no enhanced authentication
    }
}
