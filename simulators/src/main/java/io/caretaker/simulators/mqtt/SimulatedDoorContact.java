package io.caretaker.simulators.mqtt;

import io.caretaker.simulators.SimulatedDevice;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A door watched by a Zigbee door contact (Aqara MCCGQ11LM) behind Zigbee2MQTT: it publishes the real
 * Zigbee2MQTT JSON state to {@code zigbee2mqtt/<name>} over a real MQTT connection. The door opens now and
 * then for a few seconds. FAULT drains the battery (voltage 2.5 V, out of band); SILENT stops publishing.
 */
public final class SimulatedDoorContact implements SimulatedDevice, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SimulatedDoorContact.class);

    private final String deviceId;
    private final String topic;
    private final MqttClient client;
    private final Clock clock;
    private final ScheduledExecutorService publisher;
    private volatile Behaviour behaviour = Behaviour.NORMAL;
    private volatile long openUntilMillis;

    /**
     * Connects to {@code brokerUrl} (e.g. tcp://127.0.0.1:1883) and publishes every {@code interval};
     * Paho reconnects by itself if the broker goes away.
     */
    public SimulatedDoorContact(String deviceId, String brokerUrl, String topic, Duration interval, Clock clock) throws MqttException {
        this.deviceId = deviceId;
        this.topic = topic;
        this.clock = clock;
        this.client = new MqttClient(brokerUrl, "caretaker-sim-" + deviceId, new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setAutomaticReconnect(true);
        options.setCleanStart(true);
        options.setConnectionTimeout(10);
        client.connect(options);
        this.publisher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sim-door-" + deviceId);
            t.setDaemon(true);
            return t;
        });
        publisher.scheduleAtFixedRate(this::publishState, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public String deviceId() {
        return deviceId;
    }

    @Override
    public Behaviour behaviour() {
        return behaviour;
    }

    @Override
    public void behave(Behaviour behaviour) {
        log.info("simulated behaviour device={} behaviour={}", deviceId, behaviour);
        this.behaviour = behaviour;
    }

    /** The payload Zigbee2MQTT would publish now. */
    String state() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long now = clock.millis();
        if (now > openUntilMillis && random.nextInt(20) == 0) {
            openUntilMillis = now + 5_000; // someone walks through
        }
        boolean closed = now > openUntilMillis;
        boolean faulty = behaviour == Behaviour.FAULT;
        int voltage = faulty ? 2500 : 3035 - random.nextInt(5);
        int battery = faulty ? 5 : 100;
        return String.format(Locale.ROOT,
                "{\"battery\":%d,\"contact\":%s,\"device_temperature\":%d,\"linkquality\":%d,\"power_outage_count\":6889,\"voltage\":%d}",
                battery, closed, 25 + random.nextInt(3), 140 + random.nextInt(20), voltage);
    }

    private void publishState() {
        if (behaviour == Behaviour.SILENT || !client.isConnected()) {
            return;
        }
        try {
            MqttMessage message = new MqttMessage(state().getBytes(StandardCharsets.UTF_8));
            message.setQos(1);
            client.publish(topic, message);
        } catch (MqttException e) {
            log.debug("publish failed device={} cause={}", deviceId, e.getMessage());
        } catch (RuntimeException e) {
            log.warn("publish failed device={} cause={}", deviceId, e.toString());
        }
    }

    @Override
    public void close() {
        publisher.shutdownNow();
        try {
            if (client.isConnected()) {
                client.disconnect();
            }
            client.close();
        } catch (MqttException e) {
            log.debug("close failed device={} cause={}", deviceId, e.getMessage());
        }
    }
}
