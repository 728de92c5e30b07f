package io.caretaker.connectors.mqtt;

import java.util.Arrays;
import java.util.List;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * An MQTT 3.1.1 connection for brokers that speak no MQTT 5: clean session off, so the broker keeps the session
 * and QoS 1 messages (for as long as its own settings say; 3.1.1 has no session expiry).
 */
final class Mqtt311Client implements BrokerClient, MqttCallbackExtended {

    private final MqttConnectionSettings settings;
    private final Listener listener;
    private final MqttAsyncClient client;

    Mqtt311Client(MqttConnectionSettings settings, Listener listener) throws MqttException {
        this.settings = settings;
        this.listener = listener;
        this.client = new MqttAsyncClient(settings.brokerUrl(), settings.clientId(), new MemoryPersistence());
        client.setManualAcks(true);
        client.setCallback(this);
    }

    @Override
    public void connect() throws MqttException {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(false);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(10);
        options.setKeepAliveInterval(30);
        options.setMaxInflight(1000);
        if (settings.username() != null) {
            options.setUserName(settings.username());
        }
        if (settings.password() != null) {
            options.setPassword(settings.password().toCharArray());
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
                client.disconnect(5_000).waitForCompletion(5_000);
            }
        } catch (MqttException e) {
            // the connector reconnects anyway
        }
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(5_000).waitForCompletion(5_000);
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
    public void connectionLost(Throwable cause) {
        listener.lost(cause == null ? "connection lost" : MqttDevicesConsumer.rootCause(cause));
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        listener.message(topic, message.getPayload(), message.getId(), message.getQos());
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
        // the hub does not publish
    }
}
