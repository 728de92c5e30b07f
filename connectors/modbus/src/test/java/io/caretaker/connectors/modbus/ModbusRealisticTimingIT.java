package io.caretaker.connectors.modbus;

import static org.assertj.core.api.Assertions.assertThat;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The connector with the timings a site uses (answer timeout 3 s, poll every 2 s) rather than the fast ones of
 * {@link ModbusConnectorIT}: a meter that stops answering is reported lost within about timeout + poll interval,
 * every time it goes silent, while its neighbour behind the same gateway keeps being read.
 */
class ModbusRealisticTimingIT {

    private static final String PROFILE = "energy-meter-sdm630";
    private static final Duration LOST_WITHIN = Duration.ofSeconds(15);

    private final List<Object> received = new CopyOnWriteArrayList<>();
    private ModbusSimulatorServer server;
    private SimulatedEnergyMeter meter1;
    private CamelContext camel;

    @BeforeEach
    void start() throws Exception {
        server = new ModbusSimulatorServer("127.0.0.1", 0);
        meter1 = server.addEnergyMeter("meter-1", 1, Clock.systemUTC());
        server.addEnergyMeter("meter-2", 2, Clock.systemUTC());
        camel = new DefaultCamelContext();
        camel.getRegistry().bind("profiles", profiles());
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri("meter-1", 1)).routeId("modbus-meter-1").process(e -> received.add(e.getMessage().getBody()));
                from(uri("meter-2", 2)).routeId("modbus-meter-2").process(e -> received.add(e.getMessage().getBody()));
            }
        });
        camel.start();
    }

    @AfterEach
    void stop() {
        camel.stop();
        server.close();
    }

    @Test
    void aSilentMeterIsReportedLostWithinTimeoutPlusPollIntervalEachTime() {
        await().atMost(Duration.ofSeconds(10)).until(() -> goodBatches("meter-1") >= 1 && goodBatches("meter-2") >= 1);
        meter1.behave(Behaviour.FAULT);
        await().atMost(Duration.ofSeconds(10)).until(() -> goodBatches("meter-1") >= 3);

        meter1.behave(Behaviour.SILENT);
        long meter2Before = goodBatches("meter-2");
        await().atMost(LOST_WITHIN).until(() -> events("meter-1", DeviceEvent.CONNECTION_LOST) == 1);
        assertThat(latestBatch("meter-1")).hasSize(9).allSatisfy(s -> assertThat(s.quality()).isEqualTo(Quality.COMM_LOSS));
        // the held request ties up one of the gateway's threads, not the gateway
        await().atMost(Duration.ofSeconds(10)).until(() -> goodBatches("meter-2") >= meter2Before + 2);

        meter1.behave(Behaviour.NORMAL);
        await().atMost(Duration.ofSeconds(30)).until(() -> events("meter-1", DeviceEvent.CONNECTION_RESTORED) == 1);

        meter1.behave(Behaviour.SILENT);
        await().atMost(LOST_WITHIN).until(() -> events("meter-1", DeviceEvent.CONNECTION_LOST) == 2);
        assertThat(events("meter-2", DeviceEvent.CONNECTION_LOST)).isZero();
    }

    private String uri(String deviceId, int unitId) {
        return "modbus:" + deviceId + "?host=127.0.0.1&port=" + server.port() + "&unitId=" + unitId
                + "&profile=" + PROFILE + "&pollInterval=2000&timeout=3000";
    }

    private long events(String deviceId, String type) {
        return received.stream().filter(DeviceEvent.class::isInstance).map(DeviceEvent.class::cast)
                .filter(e -> e.deviceId().equals(deviceId) && e.type().equals(type)).count();
    }

    @SuppressWarnings("unchecked")
    private List<List<PointSample>> batches(String deviceId) {
        return received.stream().filter(List.class::isInstance).map(b -> (List<PointSample>) b)
                .filter(b -> !b.isEmpty() && b.get(0).deviceId().equals(deviceId)).toList();
    }

    private List<PointSample> latestBatch(String deviceId) {
        List<List<PointSample>> batches = batches(deviceId);
        return batches.get(batches.size() - 1);
    }

    private long goodBatches(String deviceId) {
        return batches(deviceId).stream().filter(b -> b.stream().allMatch(s -> s.quality() == Quality.GOOD)).count();
    }

    private static ProfileCatalog profiles() throws IOException {
        try (InputStream in = ModbusRealisticTimingIT.class.getResourceAsStream("/caretaker/profiles/" + PROFILE + ".yaml")) {
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return ProfileCatalog.read(new ConfigurationLoader(), Map.of(PROFILE + ".yaml", yaml));
        }
    }
}
