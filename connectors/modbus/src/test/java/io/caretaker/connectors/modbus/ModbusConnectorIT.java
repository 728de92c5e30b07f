package io.caretaker.connectors.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.caretaker.deviceprofiles.ConfigurationLoader;
import io.caretaker.deviceprofiles.ProfileCatalog;
import io.caretaker.deviceprofiles.canonical.DeviceEvent;
import io.caretaker.deviceprofiles.canonical.PointSample;
import io.caretaker.deviceprofiles.canonical.Quality;
import io.caretaker.simulators.SimulatedDevice.Behaviour;
import io.caretaker.simulators.modbus.ModbusSimulatorServer;
import io.caretaker.simulators.modbus.SimulatedEnergyMeter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The connector against a real j2mod slave (the SDM630 simulator) on loopback. */
class ModbusConnectorIT {

    private static final String PROFILE = "energy-meter-sdm630";
    private static final Instant NOW = Instant.parse("2025-01-06T08:00:00Z");
    /** Fast timings, so a test sees many polls. */
    private static final String FAST = "pollInterval=100&timeout=300&initialDelay=0";
    /** The timings of the demo site (pollInterval 2 s, the default 3 s answer timeout). */
    private static final String SITE = "pollInterval=2000&timeout=3000";

    private final ReceivedBodies received = new ReceivedBodies();
    private ModbusSimulatorServer server;
    private SimulatedEnergyMeter meter1;
    private CamelContext camel;

    @BeforeEach
    void start() throws Exception {
        server = new ModbusSimulatorServer("127.0.0.1", 0);
        meter1 = server.addEnergyMeter("meter-1", 1, Clock.systemUTC());
        server.addEnergyMeter("meter-2", 2, Clock.systemUTC());

        camel = new DefaultCamelContext();
        // the component finds both in the registry; nothing is set on it by hand
        camel.getRegistry().bind("profiles", profiles());
        camel.getRegistry().bind("clock", Clock.fixed(NOW, ZoneOffset.UTC));
        camel.start();
    }

    /** Polls both meters with these timings, collecting every body the connector sends. */
    private void poll(String timing) throws Exception {
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri("meter-1", 1, timing)).routeId("modbus-meter-1").process(e -> received.add(e.getMessage().getBody()));
                from(uri("meter-2", 2, timing)).routeId("modbus-meter-2").process(e -> received.add(e.getMessage().getBody()));
            }
        });
    }

    @AfterEach
    void stop() {
        camel.stop();
        server.close();
    }

    @Test
    void readsTheMeterAndFollowsItsBehaviour() throws Exception {
        poll(FAST);
        List<PointSample> first = await().atMost(Duration.ofSeconds(10)).until(() -> received.latestBatch("meter-1"), Optional::isPresent).get();
        assertThat(first).extracting(PointSample::pointId).containsExactlyInAnyOrder(
                "voltage_l1", "voltage_l2", "voltage_l3", "current_l1", "current_l2", "current_l3",
                "total_power", "frequency", "import_energy");
        assertThat(first).allSatisfy(s -> {
            assertThat(s.quality()).isEqualTo(Quality.GOOD);
            assertThat(s.observedAt()).isEqualTo(NOW);
            assertThat(s.receivedAt()).isEqualTo(NOW);
        });
        assertThat(value(first, "voltage_l1")).isCloseTo(230.0, within(5.0));
        assertThat(value(first, "voltage_l3")).isCloseTo(230.0, within(5.0));
        assertThat(value(first, "frequency")).isCloseTo(50.0, within(0.2));

        meter1.behave(Behaviour.FAULT);
        await().atMost(Duration.ofSeconds(10)).until(() -> received.latestBatch("meter-1")
                .map(batch -> value(batch, "voltage_l1") == 262.0).orElse(false));

        meter1.behave(Behaviour.SILENT);
        await().atMost(Duration.ofSeconds(10)).until(() -> received.events("meter-1", DeviceEvent.CONNECTION_LOST) == 1);
        assertThat(received.latestBatch("meter-1").orElseThrow()).hasSize(9)
                .allSatisfy(s -> assertThat(s.quality()).isEqualTo(Quality.COMM_LOSS));
        int meter2Before = received.batches("meter-2").size();
        // lost is announced once per transition, not once per failed poll, and the neighbour keeps its pace
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3))
                .until(() -> received.events("meter-1", DeviceEvent.CONNECTION_LOST) == 1 && commLossBatches("meter-1") == 1);
        assertThat(received.batches("meter-2").size() - meter2Before).isGreaterThanOrEqualTo(5);

        meter1.behave(Behaviour.NORMAL);
        await().atMost(Duration.ofSeconds(15)).until(() -> received.events("meter-1", DeviceEvent.CONNECTION_RESTORED) == 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> received.latestBatch("meter-1")
                .map(batch -> batch.stream().allMatch(s -> s.quality() == Quality.GOOD)
                        && Math.abs(value(batch, "voltage_l1") - 230.0) < 5.0)
                .orElse(false));
    }

    @Test
    void recoversByItselfWhenTheServerComesBackOnTheSamePort() throws Exception {
        poll(FAST);
        await().atMost(Duration.ofSeconds(10)).until(() -> received.latestBatch("meter-1").isPresent());
        int port = server.port();

        server.close();
        await().atMost(Duration.ofSeconds(10)).until(() -> received.events("meter-1", DeviceEvent.CONNECTION_LOST) == 1);

        server = new ModbusSimulatorServer("127.0.0.1", port);
        server.addEnergyMeter("meter-1", 1, Clock.systemUTC());
        await().atMost(Duration.ofSeconds(15)).until(() -> received.events("meter-1", DeviceEvent.CONNECTION_RESTORED) == 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> received.latestBatch("meter-1")
                .map(batch -> batch.stream().allMatch(s -> s.quality() == Quality.GOOD)).orElse(false));
    }

    /**
     * With the timings a site uses (answer timeout 3 s, poll every 2 s), a meter that stops answering is reported
     * lost within about timeout + poll interval, every time it goes silent, while its neighbour keeps being read.
     */
    @Test
    void aSilentMeterIsReportedLostWithinTimeoutPlusPollIntervalEachTime() throws Exception {
        poll(SITE);
        await().atMost(Duration.ofSeconds(10)).until(() -> goodBatches("meter-1") >= 1 && goodBatches("meter-2") >= 1);

        meter1.behave(Behaviour.SILENT);
        long meter2Before = goodBatches("meter-2");
        await().atMost(Duration.ofSeconds(15)).until(() -> received.events("meter-1", DeviceEvent.CONNECTION_LOST) == 1);
        assertThat(received.latestBatch("meter-1").orElseThrow()).hasSize(9)
                .allSatisfy(s -> assertThat(s.quality()).isEqualTo(Quality.COMM_LOSS));
        // the held request ties up one of the gateway's threads, not the gateway
        await().atMost(Duration.ofSeconds(10)).until(() -> goodBatches("meter-2") >= meter2Before + 2);

        meter1.behave(Behaviour.NORMAL);
        await().atMost(Duration.ofSeconds(30)).until(() -> received.events("meter-1", DeviceEvent.CONNECTION_RESTORED) == 1);

        meter1.behave(Behaviour.SILENT);
        await().atMost(Duration.ofSeconds(15)).until(() -> received.events("meter-1", DeviceEvent.CONNECTION_LOST) == 2);
        assertThat(received.events("meter-2", DeviceEvent.CONNECTION_LOST)).isZero();
    }

    @Test
    void anUnknownProfileIsRejectedNamingTheKnownOnes() {
        assertThatThrownBy(() -> camel.getEndpoint("modbus:meter-9?host=127.0.0.1&profile=chiller-x"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasStackTraceContaining("chiller-x")
                .hasStackTraceContaining(PROFILE);
    }

    private String uri(String deviceId, int unitId, String timing) {
        return "modbus:" + deviceId + "?host=127.0.0.1&port=" + server.port() + "&unitId=" + unitId
                + "&profile=" + PROFILE + "&" + timing;
    }

    private long goodBatches(String deviceId) {
        return received.batches(deviceId).stream().filter(b -> b.stream().allMatch(s -> s.quality() == Quality.GOOD)).count();
    }



    private long commLossBatches(String deviceId) {
        return received.batches(deviceId).stream().filter(b -> b.get(0).quality() == Quality.COMM_LOSS).count();
    }


    private static double value(List<PointSample> batch, String pointId) {
        return batch.stream().filter(s -> s.pointId().equals(pointId)).findFirst().orElseThrow()
                .value().asDouble().orElseThrow();
    }

    private static ProfileCatalog profiles() throws IOException {
        try (InputStream in = ModbusConnectorIT.class.getResourceAsStream("/caretaker/profiles/" + PROFILE + ".yaml")) {
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return ProfileCatalog.read(new ConfigurationLoader(), Map.of(PROFILE + ".yaml", yaml));
        }
    }
}
