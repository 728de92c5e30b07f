package io.caretaker.connectors.opcua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.caretaker.deviceprofiles.ConfigurationLoader;
import io.caretaker.deviceprofiles.ProfileCatalog;
import io.caretaker.deviceprofiles.canonical.DeviceEvent;
import io.caretaker.deviceprofiles.canonical.PointSample;
import io.caretaker.deviceprofiles.canonical.Quality;
import io.caretaker.deviceprofiles.canonical.Value;
import io.caretaker.simulators.SimulatedDevice.Behaviour;
import io.caretaker.simulators.opcua.OpcUaSimulatorServer;
import io.caretaker.simulators.opcua.SimulatedAirHandler;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The opcua component against a real Milo server (the air-handler simulator) over loopback. */
class OpcUaConsumerIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final List<Object> bodies = new CopyOnWriteArrayList<>();
    private OpcUaSimulatorServer server;
    private CamelContext camel;
    @TempDir
    Path pki;

    @AfterEach
    void stop() throws Exception {
        if (camel != null) {
            camel.stop();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void followsTheAirHandlerThroughFaultAndSilence() throws Exception {
        server = OpcUaSimulatorServer.start("127.0.0.1", 0);
        SimulatedAirHandler airHandler = server.addAirHandler("ahu-1", "ahu-1/", Clock.systemUTC());
        startRoute(server.port());

        awaitSupplyAir(Quality.GOOD, 15.5, 16.5);
        assertThat(bodies).noneMatch(DeviceEvent.class::isInstance);

        airHandler.behave(Behaviour.FAULT);
        awaitSupplyAir(Quality.GOOD, 34.9, 35.1);

        airHandler.behave(Behaviour.SILENT);
        await().atMost(PATIENCE).until(() -> samples().stream()
                .anyMatch(s -> s.pointId().equals("supply_air_temperature") && s.quality() == Quality.COMM_LOSS));

        airHandler.behave(Behaviour.NORMAL);
        awaitSupplyAir(Quality.GOOD, 15.5, 16.5);
        // Gateway-level silence is not a lost session.
        assertThat(bodies).noneMatch(DeviceEvent.class::isInstance);
    }

    @Test
    void resumesByItselfWhenTheServerRestartsOnTheSamePort() throws Exception {
        server = OpcUaSimulatorServer.start("127.0.0.1", 0);
        int port = server.port();
        server.addAirHandler("ahu-1", "ahu-1/", Clock.systemUTC());
        startRoute(port);
        awaitSupplyAir(Quality.GOOD, 15.5, 16.5);

        server.close();
        server = null;
        await().atMost(PATIENCE).until(() -> events().contains(DeviceEvent.CONNECTION_LOST));
        assertThat(samples()).filteredOn(s -> s.quality() == Quality.COMM_LOSS)
                .extracting(PointSample::pointId)
                .containsExactlyInAnyOrder("supply_air_temperature", "supply_air_setpoint", "return_air_temperature",
                        "fan_command", "fan_status", "filter_differential_pressure");

        server = OpcUaSimulatorServer.start("127.0.0.1", port);
        server.addAirHandler("ahu-1", "ahu-1/", Clock.systemUTC());

        await().atMost(PATIENCE).until(() -> events().contains(DeviceEvent.CONNECTION_RESTORED));
        awaitSupplyAir(Quality.GOOD, 15.5, 16.5);
        assertThat(events()).containsExactly(DeviceEvent.CONNECTION_LOST, DeviceEvent.CONNECTION_RESTORED);
    }

    @Test
    void startsWhileTheServerIsDownAndConnectsWhenItAppears() throws Exception {
        int port = freePort();
        startRoute(port);
        assertThat(camel.getRouteController().getRouteStatus("opcua-ahu-1")).isEqualTo(ServiceStatus.Started);
        await().atMost(PATIENCE).until(() -> events().contains(DeviceEvent.CONNECTION_LOST));

        server = OpcUaSimulatorServer.start("127.0.0.1", port);
        server.addAirHandler("ahu-1", "ahu-1/", Clock.systemUTC());

        awaitSupplyAir(Quality.GOOD, 15.5, 16.5);
        assertThat(events()).containsExactly(DeviceEvent.CONNECTION_LOST, DeviceEvent.CONNECTION_RESTORED);
    }

    @Test
    void rejectsAnUnknownProfileNamingTheKnownOnes() {
        camel = new DefaultCamelContext();
        camel.getRegistry().bind("profiles", catalog());

        assertThatThrownBy(() -> camel.getEndpoint("opcua:ahu-1?endpoint=opc.tcp://127.0.0.1:4840/caretaker"
                + "&profile=air-handler-deluxe"))
                .hasStackTraceContaining("unknown profile 'air-handler-deluxe'")
                .hasStackTraceContaining("[air-handler-basic]");
    }

    private void startRoute(int port) throws Exception {
        camel = new DefaultCamelContext();
        camel.getRegistry().bind("profiles", catalog());
        camel.getComponent("opcua", OpcUaComponent.class).setPkiDirectory(pki.toString());
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("opcua:ahu-1?endpoint=opc.tcp://127.0.0.1:" + port + "/caretaker&profile=air-handler-basic"
                        + "&nodePrefix=RAW(ahu-1/)&samplingInterval=250&publishingInterval=250"
                        // as the hub's route template writes a connection without security or login
                        + "&securityPolicy=&securityMode=&username=RAW()&password=RAW()")
                        .routeId("opcua-ahu-1")
                        .process(exchange -> bodies.add(exchange.getIn().getBody()));
            }
        });
        camel.start();
    }

    private void awaitSupplyAir(Quality quality, double min, double max) {
        int seen = bodies.size();
        await().atMost(PATIENCE).until(() -> bodies.stream().skip(seen)
                .filter(List.class::isInstance)
                .flatMap(body -> ((List<?>) body).stream())
                .map(PointSample.class::cast)
                .anyMatch(s -> s.pointId().equals("supply_air_temperature") && s.quality() == quality
                        && s.value() instanceof Value.Number n && n.value() >= min && n.value() <= max));
    }

    private List<PointSample> samples() {
        return bodies.stream().filter(List.class::isInstance)
                .flatMap(body -> ((List<?>) body).stream())
                .map(PointSample.class::cast)
                .toList();
    }

    private List<String> events() {
        return bodies.stream().filter(DeviceEvent.class::isInstance).map(e -> ((DeviceEvent) e).type()).toList();
    }

    private static ProfileCatalog catalog() {
        try (InputStream yaml = OpcUaConsumerIT.class.getResourceAsStream("/caretaker/profiles/air-handler-basic.yaml")) {
            return ProfileCatalog.read(new ConfigurationLoader(),
                    Map.of("air-handler-basic.yaml", new String(yaml.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
