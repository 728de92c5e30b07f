package io.caretaker.bench.peers;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * Devices as the hub sees them over MQTT: one Paho (MQTT 5) client publishing at QoS 1 the bench sensor's JSON
 * message of three readings, as ThingsBoard's published performance test does, at a set rate or as fast as the
 * broker takes them. The same client and payload serve the bare broker baseline and the hub's load.
 */
final class Publisher implements AutoCloseable {

    static final String TOPIC = "bench/%s/telemetry";
    /** Messages allowed in flight before waiting for PUBACKs; Paho refuses more than the broker's receive maximum anyway. */
    private static final int WINDOW = 20;

    private final MqttAsyncClient client;
    private final Semaphore inFlight = new Semaphore(WINDOW);
    private final AtomicLong acknowledged = new AtomicLong();

    Publisher(String brokerUrl, String clientId) throws MqttException {
        client = new MqttAsyncClient(brokerUrl, clientId, new MemoryPersistence());
        client.setCallback(new MqttCallback() {
            @Override
            public void disconnected(MqttDisconnectResponse response) {
            }

            @Override
            public void mqttErrorOccurred(MqttException exception) {
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
            }

            @Override
            public void deliveryComplete(IMqttToken token) {
                acknowledged.incrementAndGet();
                inFlight.release();
            }

            @Override
            public void connectComplete(boolean reconnect, String serverURI) {
            }

            @Override
            public void authPacketArrived(int reasonCode, MqttProperties properties) {
            }
        });
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        client.connect(options).waitForCompletion(10_000);
    }

    /** The bench sensor's message: temperature, humidity and CO2, as a Zigbee or LoRa room sensor sends them. */
    static byte[] payload(double temperature, long sequence) {
        return String.format(Locale.ROOT, "{\"temperature\":%.1f,\"humidity\":%.1f,\"co2\":%d}",
                temperature, 40 + sequence % 20 / 2.0, 400 + sequence % 400).getBytes(StandardCharsets.UTF_8);
    }

    static String topic(String deviceId) {
        return TOPIC.formatted(deviceId);
    }

    /** Publishes one message at QoS 1, waiting only if the in-flight window is full. */
    void publish(String deviceId, byte[] payload) throws MqttException, InterruptedException {
        inFlight.acquire();
        MqttMessage message = new MqttMessage(payload, 1, false, null);
        while (true) {
            try {
                client.publish(topic(deviceId), message);
                return;
            } catch (MqttException e) {
                if (e.getReasonCode() != org.eclipse.paho.mqttv5.client.MqttClientException.REASON_CODE_MAX_INFLIGHT) {
                    inFlight.release();
                    throw e;
                }
                LockSupport.parkNanos(50_000); // the broker's receive maximum is below our window: wait for a PUBACK
            }
        }
    }

    /** What a paced run achieved. */
    record Run(long sent, double seconds) {

        double rate() {
            return sent / seconds;
        }
    }

    /** Names the device each message comes from. */
    interface Devices {
        String device(long sequence);
    }

    /** The message a device sends. */
    interface Payloads {
        byte[] payload(long sequence);
    }

    /** The bench sensor's normal readings. */
    static final Payloads NORMAL = n -> payload(20 + n % 50 / 10.0, n);

    /** A wide device's message: {@code fields} readings p00, p01, ... */
    static Payloads wide(int fields) {
        return n -> {
            StringBuilder json = new StringBuilder("{");
            for (int i = 0; i < fields; i++) {
                json.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "\"p%02d\":%d.%d", i, i, n % 10));
            }
            return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
        };
    }

    /**
     * Publishes at {@code rate} messages per second (unbounded if {@code rate <= 0}) for {@code seconds}, or until
     * {@code stop} is set, spreading messages over {@code devices}; normal readings only.
     */
    Run run(double rate, double seconds, Devices devices, AtomicBoolean stop) throws MqttException, InterruptedException {
        return run(rate, seconds, devices, NORMAL, stop);
    }

    Run run(double rate, double seconds, Devices devices, Payloads payloads, AtomicBoolean stop)
            throws MqttException, InterruptedException {
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long sent = 0;
        while (!stop.get()) {
            long now = System.nanoTime();
            if (now >= end) {
                break;
            }
            long due = rate <= 0 ? sent + 1 : (long) ((now - start) / 1e9 * rate) + 1;
            if (sent >= due) {
                LockSupport.parkNanos(Math.min(200_000, (long) ((sent + 1) / rate * 1e9) - (now - start)));
                continue;
            }
            while (sent < due && !stop.get()) {
                publish(devices.device(sent), payloads.payload(sent));
                sent++;
            }
        }
        return new Run(sent, (System.nanoTime() - start) / 1e9);
    }

    /** Waits until every message published so far has its PUBACK. */
    boolean awaitAcknowledged(long seconds) throws InterruptedException {
        if (inFlight.tryAcquire(WINDOW, seconds, TimeUnit.SECONDS)) {
            inFlight.release(WINDOW);
            return true;
        }
        return false;
    }

    @Override
    public void close() throws MqttException {
        try {
            client.disconnect().waitForCompletion(5_000);
        } finally {
            client.close();
        }
    }
}
