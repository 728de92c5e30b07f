package io.caretaker.simulators.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One MQTT connection to one broker, publishing for every simulated device behind it, as a building's gateway does:
 * QoS 1, without waiting for each acknowledgement. Paho reconnects by itself; what cannot be sent meanwhile is
 * counted as dropped, not queued.
 */
public final class MqttOutlet implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MqttOutlet.class);

    private final String broker;
    private final MqttAsyncClient client;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    public MqttOutlet(String broker, String clientId) throws MqttException {
        this.broker = broker;
        this.client = new MqttAsyncClient(broker, clientId, new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setAutomaticReconnect(true);
        options.setAutomaticReconnectDelay(1, 10);
        options.setCleanStart(true);
        options.setConnectionTimeout(10);
        try {
            client.connect(options).waitForCompletion(15_000);
        } catch (MqttException e) {
            // the broker may come later; Paho keeps trying
            log.warn("simulators cannot reach the MQTT broker yet broker={} cause={}; retrying", broker, e.getMessage());
            client.connect(options);
        }
        log.info("simulators connected to MQTT broker={} clientId={}", broker, clientId);
    }

    public void publish(String topic, String text) {
        if (!client.isConnected()) {
            dropped.incrementAndGet();
            return;
        }
        try {
            MqttMessage message = new MqttMessage(text.getBytes(StandardCharsets.UTF_8));
            message.setQos(1);
            client.publish(topic, message);
            sent.incrementAndGet();
        } catch (MqttException e) {
            dropped.incrementAndGet();
            log.debug("publish failed broker={} topic={} cause={}", broker, topic, e.getMessage());
        }
    }

    public long sent() {
        return sent.get();
    }

    public long dropped() {
        return dropped.get();
    }

    public boolean connected() {
        return client.isConnected();
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(5_000);
            }
            client.close();
        } catch (MqttException e) {
            log.debug("close failed broker={} cause={}", broker, e.getMessage());
        }
    }
}
