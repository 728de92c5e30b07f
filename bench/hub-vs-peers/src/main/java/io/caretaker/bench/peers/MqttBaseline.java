package io.caretaker.bench.peers;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * B_mqtt: one Paho publisher to one Paho subscriber through the broker, QoS 1 both ways, the hub's payload, as fast
 * as they go. Messages per second delivered to the subscriber, from the first publish to the last delivery.
 */
final class MqttBaseline {

    /** Delivered messages per second, and how many the broker dropped (a subscriber slower than its publisher). */
    record Result(double rate, long published, long delivered) {
    }

    private MqttBaseline() {
    }

    static Result measure(String brokerUrl, double seconds, Progress progress) throws MqttException, InterruptedException {
        AtomicLong delivered = new AtomicLong();
        AtomicLong lastDelivery = new AtomicLong();
        MqttAsyncClient subscriber = new MqttAsyncClient(brokerUrl, "bench-baseline-sub", new MemoryPersistence());
        subscriber.setCallback(new MqttCallback() {
            @Override
            public void disconnected(MqttDisconnectResponse response) {
            }

            @Override
            public void mqttErrorOccurred(MqttException exception) {
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                delivered.incrementAndGet();
                lastDelivery.set(System.nanoTime());
            }

            @Override
            public void deliveryComplete(IMqttToken token) {
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
        subscriber.connect(options).waitForCompletion(10_000);
        subscriber.subscribe(new MqttSubscription(Publisher.TOPIC.formatted("+"), 1)).waitForCompletion(10_000);
        try (Publisher publisher = new Publisher(brokerUrl, "bench-baseline-pub")) {
            // an untimed second first, so the JIT has compiled both clients' paths
            publisher.run(0, 1, n -> "b-" + (n % 1000), new AtomicBoolean());
            publisher.awaitAcknowledged(10);
            awaitQuiet(delivered);
            delivered.set(0);
            long start = System.nanoTime();
            AtomicBoolean stop = new AtomicBoolean();
            Thread ticker = progress.every(1, () -> String.format(java.util.Locale.ROOT, "B_mqtt %,d delivered", delivered.get()));
            Publisher.Run run = publisher.run(0, seconds, n -> "b-" + (n % 1000), stop);
            publisher.awaitAcknowledged(10);
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (delivered.get() < run.sent() && System.nanoTime() < deadline
                    && System.nanoTime() - lastDelivery.get() < 500_000_000L) {
                Thread.sleep(10); // waiting for the subscriber to drain what the broker still holds (the rest was dropped)
            }
            ticker.interrupt();
            long count = delivered.get();
            double elapsed = (lastDelivery.get() - start) / 1e9;
            return new Result(count / elapsed, run.sent(), count);
        } finally {
            subscriber.disconnect().waitForCompletion(5_000);
            subscriber.close();
        }
    }

    private static void awaitQuiet(AtomicLong delivered) throws InterruptedException {
        long last = -1;
        while (delivered.get() != last) {
            last = delivered.get();
            Thread.sleep(200); // until the warm-up's deliveries have stopped
        }
    }
}
