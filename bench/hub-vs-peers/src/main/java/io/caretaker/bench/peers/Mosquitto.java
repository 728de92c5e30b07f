package io.caretaker.bench.peers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
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
 * A Mosquitto broker of the benchmark's own (Debian {@code mosquitto}) on a free loopback port with its stock
 * limits, so other users of the machine's broker on 1883 neither disturb nor see the load. Its log goes to its
 * standard output ({@code stdout.log}; as root it runs as user mosquitto, which may not open a log file here), and
 * it counts the messages it dropped for a subscriber that fell behind its queue limit ({@link #dropped()}).
 */
final class Mosquitto implements AutoCloseable {

    static final Path BROKER = Path.of("/usr/sbin/mosquitto");
    static final String DROPPED_TOPIC = "$SYS/broker/publish/messages/dropped";

    private final Process process;
    private final int port;
    private final MqttAsyncClient sys;
    private final AtomicLong dropped = new AtomicLong(-1);

    private Mosquitto(Process process, int port) throws MqttException {
        this.process = process;
        this.port = port;
        this.sys = new MqttAsyncClient(url(), "bench-sys", new MemoryPersistence());
        sys.setCallback(new MqttCallback() {
            @Override
            public void disconnected(MqttDisconnectResponse response) {
            }

            @Override
            public void mqttErrorOccurred(MqttException exception) {
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                dropped.set(Long.parseLong(new String(message.getPayload(), StandardCharsets.US_ASCII).trim()));
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
        sys.connect(options).waitForCompletion(10_000);
        sys.subscribe(new MqttSubscription(DROPPED_TOPIC, 0)).waitForCompletion(10_000);
    }

    static Mosquitto start(Path dir) throws IOException, InterruptedException {
        if (!Files.isExecutable(BROKER)) {
            throw new IllegalStateException("needs Mosquitto at " + BROKER + ": apt-get install mosquitto");
        }
        Files.createDirectories(dir);
        int port = Ports.free();
        Path conf = dir.resolve("mosquitto.conf");
        Files.writeString(conf, """
                listener %d 127.0.0.1
                allow_anonymous true
                persistence false
                sys_interval 1
                log_dest stdout
                log_type error
                log_type warning
                log_type notice
                """.formatted(port));
        Process process = new ProcessBuilder(BROKER.toString(), "-c", conf.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("stdout.log").toFile())).start();
        if (!Ports.awaitListening(port, Duration.ofSeconds(10))) {
            process.destroyForcibly();
            throw new IllegalStateException("mosquitto did not listen on 127.0.0.1:" + port + "; see " + dir);
        }
        try {
            return new Mosquitto(process, port);
        } catch (MqttException e) {
            process.destroyForcibly();
            throw new IllegalStateException("could not read mosquitto's " + DROPPED_TOPIC + "; see " + dir, e);
        }
    }

    /**
     * Publish messages the broker has dropped since it started ({@value #DROPPED_TOPIC}): a subscriber whose
     * in-flight window and queue ({@code max_queued_messages}, 1000 by default) are full loses what comes next, even
     * at QoS 1. The broker publishes the count (retained) every second when it changed, so this waits 1.5 s first.
     */
    long dropped() throws InterruptedException {
        Thread.sleep(1_500); // sys_interval 1 s: the count then includes everything before the call
        long count = dropped.get();
        if (count < 0) {
            throw new IllegalStateException("mosquitto published no " + DROPPED_TOPIC + "; is sys_interval set?");
        }
        return count;
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    String version() {
        try {
            Process p = new ProcessBuilder(BROKER.toString(), "-h").redirectErrorStream(true).start();
            String first = new String(p.getInputStream().readAllBytes()).lines().findFirst().orElse("mosquitto");
            p.waitFor(5, TimeUnit.SECONDS);
            return first.replace("mosquitto version ", "Mosquitto ");
        } catch (IOException e) {
            return "Mosquitto";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "Mosquitto";
        }
    }

    @Override
    public void close() throws InterruptedException {
        try {
            sys.disconnect().waitForCompletion(2_000);
            sys.close();
        } catch (MqttException e) {
            // the broker goes next anyway
        }
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
