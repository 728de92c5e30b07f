package io.caretaker.connectors.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.caretaker.deviceprofiles.ConfigurationLoader;
import io.caretaker.deviceprofiles.ProfileCatalog;
import io.caretaker.deviceprofiles.canonical.DeviceEvent;
import io.caretaker.deviceprofiles.canonical.PointSample;
import io.caretaker.deviceprofiles.canonical.Quality;
import io.caretaker.deviceprofiles.canonical.Value;
import io.caretaker.deviceprofiles.site.MqttVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connector against a real Mosquitto of the test's own, fed by the real {@code mosquitto_pub}: one connection
 * for many devices, devices told apart by topic, MQTT 3.1.1 and 5 publishers, bad payloads set aside while the
 * route goes on, and a hub or broker restart that loses nothing the broker kept.
 */
class MqttDevicesIT {

    private static final ProfileCatalog PROFILES = ProfileCatalog.readDirectory(new ConfigurationLoader(), Path.of("../../device-profiles/profiles"));
    private static final String DOOR_OPEN = "{\"battery\":%d,\"contact\":false,\"device_temperature\":26,\"linkquality\":153,\"power_outage_count\":6889,\"voltage\":3035}";

    @TempDir
    Path dir;

    private final Queue<Object> received = new ConcurrentLinkedQueue<>();
    private final Queue<MalformedPayloadException> setAside = new ConcurrentLinkedQueue<>();
    private CamelContext camel;
    private MqttVersion version = MqttVersion.V5;
    private Mosquitto broker;
    /** Holds the route up until opened, as a busy hub would be. */
    private CountDownLatch gate = new CountDownLatch(0);

    @AfterEach
    void stop() throws Exception {
        if (camel != null) {
            camel.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void oneConnectionCarriesManyDevicesToldApartByTopicAndBadPayloadsAreSetAside() throws Exception {
        broker = Mosquitto.start(dir, "");
        start(List.of(
                new MqttDevice("door-1", null, PROFILES.get("door-contact-zigbee"), List.of("zigbee2mqtt/{id}")),
                new MqttDevice("door-2", null, PROFILES.get("door-contact-zigbee"), List.of("zigbee2mqtt/{id}")),
                new MqttDevice("plug-1", "tasmota_0A1B2C", PROFILES.get("energy-plug-tasmota"), PROFILES.get("energy-plug-tasmota").mqtt().topics())));

        Mosquitto.publish(broker.port(), "zigbee2mqtt/door-1", DOOR_OPEN.formatted(100), "-V", "mqttv311");
        Mosquitto.publish(broker.port(), "zigbee2mqtt/door-2", DOOR_OPEN.formatted(55), "-V", "mqttv5");
        Mosquitto.publish(broker.port(), "tele/tasmota_0A1B2C/SENSOR", "{\"ENERGY\":{\"Total\":{\"Phase1\":1.2,\"Phase2\":3.4}}}");
        Mosquitto.publish(broker.port(), "stat/tasmota_0A1B2C/STATUS10", "{\"StatusSNS\":{\"ENERGY\":{\"Total\":5.6,\"TotalStartTime\":\"2018-11-23T16:33:47\"}}}");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(value("door-1", "battery")).containsExactly(Value.of(100));
            assertThat(value("door-2", "battery")).containsExactly(Value.of(55));
            assertThat(value("plug-1", "energy_total")).containsExactly(Value.of(1.2 + 3.4), Value.of(5.6));
            assertThat(value("plug-1", "energy_total_phase2")).containsExactly(Value.of(3.4));
        });

        Path blob = dir.resolve("blob.bin");
        Files.write(blob, new byte[10 * 1024 * 1024]);
        Mosquitto.publish(broker.port(), "zigbee2mqtt/door-9", DOOR_OPEN.formatted(80));
        Mosquitto.publish(broker.port(), "zigbee2mqtt/door-1", "door open");
        Mosquitto.publishFile(broker.port(), "zigbee2mqtt/door-2", blob);
        Mosquitto.publish(broker.port(), "zigbee2mqtt/door-1", "{\"contact\":{\"state\":\"open\"},\"battery\":99}");
        Mosquitto.publish(broker.port(), "zigbee2mqtt/door-1", DOOR_OPEN.formatted(98));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(setAside).extracting(e -> e.deviceId() + "/" + e.reason().wireName())
                    .containsExactly("door-9/unknown-device", "door-1/not-json", "door-2/too-large", "door-1/wrong-type");
            // the route went on: the good field of the partly bad message, and the next message, still arrived
            assertThat(value("door-1", "battery")).containsExactly(Value.of(100), Value.of(99), Value.of(98));
        });
        assertThat(samples("door-1", "door_closed")).extracting(PointSample::quality).contains(Quality.BAD);
        // one MQTT connection for all three devices
        assertThat(Files.readString(dir.resolve("mosquitto.log")).split("as caretaker-test ", -1)).hasSize(2);
    }

    @Test
    void aHubOrBrokerRestartLosesNothingTheBrokerKeptAndTheGapIsCommLoss() throws Exception {
        restartLosesNothing(MqttVersion.V5);
    }

    @Test
    void overMqtt311TooAHubOrBrokerRestartLosesNothingTheBrokerKept() throws Exception {
        restartLosesNothing(MqttVersion.V3_1_1);
        assertThat(Files.readString(dir.resolve("mosquitto.log"))).contains("as caretaker-test (p2, c0");
    }

    @Test
    void tlsToABrokerWhoseCertificateAuthorityIsGivenAndNoOtherTrust() throws Exception {
        Path openssl = Path.of("/usr/bin/openssl");
        assumeTrue(Files.isExecutable(openssl), "skipped: needs /usr/bin/openssl to make the broker's certificates");
        Path ca = dir.resolve("ca.crt");
        run(openssl + " req -x509 -newkey rsa:2048 -nodes -keyout " + dir.resolve("ca.key") + " -out " + ca + " -days 2 -subj /CN=caretaker-test-ca");
        run(openssl + " req -newkey rsa:2048 -nodes -keyout " + dir.resolve("server.key") + " -out " + dir.resolve("server.csr") + " -subj /CN=127.0.0.1");
        Files.writeString(dir.resolve("san.ext"), "subjectAltName=IP:127.0.0.1\n");
        run(openssl + " x509 -req -in " + dir.resolve("server.csr") + " -CA " + ca + " -CAkey " + dir.resolve("ca.key")
                + " -CAcreateserial -out " + dir.resolve("server.crt") + " -days 2 -extfile " + dir.resolve("san.ext"));
        broker = Mosquitto.start(dir, "cafile %s\ncertfile %s\nkeyfile %s\n".formatted(ca, dir.resolve("server.crt"), dir.resolve("server.key")));
        String url = "ssl://127.0.0.1:" + broker.port();

        // without the broker's CA the hub trusts nothing there: the device stays lost
        start(List.of(new MqttDevice("door-1", null, PROFILES.get("door-contact-zigbee"), List.of("zigbee2mqtt/{id}"))),
                new MqttConnectionSettings(url, "caretaker-test", null, null, null, null, null), false);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(events("door-1")).extracting(DeviceEvent::type).containsExactly(DeviceEvent.CONNECTION_LOST));
        camel.close();

        start(List.of(new MqttDevice("door-1", null, PROFILES.get("door-contact-zigbee"), List.of("zigbee2mqtt/{id}"))),
                new MqttConnectionSettings(url, "caretaker-test", null, null, null, ca, null), true);
        Mosquitto.publish(broker.port(), "zigbee2mqtt/door-1", DOOR_OPEN.formatted(77), "--cafile", ca.toString());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(value("door-1", "battery")).containsExactly(Value.of(77)));
    }

    /**
     * A hub thousands of messages behind (its route held up) loses none of them, though the broker runs with its
     * stock limits (Mosquitto queues 1000 messages per client beyond those in flight, then drops new ones even at
     * QoS 1): the hub's MQTT 5 receive window keeps the backlog in flight. With a window of 1000, 1000 of these 3000
     * were dropped, as a fault was among the benchmark's readings.
     */
    @Test
    void aHubFarBehindTheBrokerLosesNoMessage() throws Exception {
        broker = Mosquitto.start(dir, "");
        CountDownLatch held = new CountDownLatch(1);
        gate = held;
        start(List.of(new MqttDevice("door-1", null, PROFILES.get("door-contact-zigbee"), List.of("zigbee2mqtt/{id}"))));
        int messages = 3_000;
        Path lines = dir.resolve("messages.txt");
        Files.write(lines, IntStream.range(0, messages).mapToObj(i -> "{\"voltage\":" + i + "}").toList());

        Mosquitto.publishLines(broker.port(), "zigbee2mqtt/door-1", lines); // returns once the broker has taken them all
        held.countDown();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(value("door-1", "battery_voltage")).hasSize(messages));
        assertThat(value("door-1", "battery_voltage")).containsExactlyElementsOf(IntStream.range(0, messages).mapToObj(Value::of).toList());
    }

    private static void run(String command) throws Exception {
        Process p = new ProcessBuilder(command.split(" ")).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(command + ": " + out).isZero();
    }

    private void restartLosesNothing(MqttVersion version) throws Exception {
        this.version = version;
        broker = Mosquitto.start(dir, "");
        start(List.of(new MqttDevice("door-1", null, PROFILES.get("door-contact-zigbee"), List.of("zigbee2mqtt/{id}"))));
        Mosquitto.publish(broker.port(), "zigbee2mqtt/door-1", DOOR_OPEN.formatted(90));
        await().atMost(Duration.ofSeconds(20)).until(() -> value("door-1", "battery").contains(Value.of(90)));

        // the hub is down while the device goes on publishing; then the broker restarts too
        camel.getRouteController().stopRoute("mqtt-test");
        for (int battery = 91; battery <= 93; battery++) {
            Mosquitto.publish(broker.port(), "zigbee2mqtt/door-1", DOOR_OPEN.formatted(battery));
        }
        broker.stop();
        broker.start();
        camel.getRouteController().startRoute("mqtt-test");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(value("door-1", "battery")).containsExactly(Value.of(90), Value.of(91), Value.of(92), Value.of(93)));

        // the broker goes away under a running hub: COMM_LOSS, then by itself back to normal
        broker.stop();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(samples("door-1", "battery")).extracting(PointSample::quality).contains(Quality.COMM_LOSS);
            assertThat(events("door-1")).extracting(DeviceEvent::type).contains(DeviceEvent.CONNECTION_LOST);
        });
        broker.start();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(events("door-1")).extracting(DeviceEvent::type).contains(DeviceEvent.CONNECTION_RESTORED));
        Mosquitto.publish(broker.port(), "zigbee2mqtt/door-1", DOOR_OPEN.formatted(94));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(value("door-1", "battery")).endsWith(Value.of(94)));
    }

    private void start(List<MqttDevice> devices) throws Exception {
        start(devices, new MqttConnectionSettings(broker.url(), "caretaker-test", null, null, null, null, version), true);
    }

    private void start(List<MqttDevice> devices, MqttConnectionSettings settings, boolean awaitSubscribed) throws Exception {
        camel = new DefaultCamelContext();
        MqttDevicesComponent component = new MqttDevicesComponent();
        camel.addComponent("mqtt-devices", component);
        component.addConnection("test", settings, devices);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                onException(MalformedPayloadException.class).handled(true)
                        .process(e -> setAside.add(e.getProperty(org.apache.camel.Exchange.EXCEPTION_CAUGHT, MalformedPayloadException.class)));
                from("mqtt-devices:test").routeId("mqtt-test")
                        .process(e -> gate.await())
                        .process(new DecodeMqttMessage())
                        .process(e -> received.addAll(e.getMessage().getBody(List.class)))
                        .process(new SetAsideBadFields());
            }
        });
        camel.start();
        if (awaitSubscribed) {
            awaitSubscribed(1);
        }
    }

    /** A first subscription is not there before the broker says so; a message published earlier is not for us. */
    private void awaitSubscribed(int times) {
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.readString(dir.resolve("mosquitto.log"))
                .split("Received SUBSCRIBE from caretaker-test", -1).length > times);
    }

    private List<PointSample> samples(String device, String point) {
        return received.stream().filter(PointSample.class::isInstance).map(PointSample.class::cast)
                .filter(s -> s.deviceId().equals(device) && s.pointId().equals(point)).toList();
    }

    private List<Value> value(String device, String point) {
        return samples(device, point).stream().filter(s -> s.quality() == Quality.GOOD).map(PointSample::value).toList();
    }

    private List<DeviceEvent> events(String device) {
        return received.stream().filter(DeviceEvent.class::isInstance).map(DeviceEvent.class::cast)
                .filter(e -> e.deviceId().equals(device)).toList();
    }
}
