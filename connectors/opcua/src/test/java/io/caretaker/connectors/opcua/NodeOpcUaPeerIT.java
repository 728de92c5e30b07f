package io.caretaker.connectors.opcua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.caretaker.deviceprofiles.ConfigurationLoader;
import io.caretaker.deviceprofiles.ProfileCatalog;
import io.caretaker.deviceprofiles.canonical.DeviceEvent;
import io.caretaker.deviceprofiles.canonical.PointSample;
import io.caretaker.deviceprofiles.canonical.Quality;
import io.caretaker.deviceprofiles.canonical.Value;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The connector and the browser against node-opcua, an OPC UA server nobody here wrote. */
class NodeOpcUaPeerIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String PROFILE = """
            formatVersion: 1
            id: boiler-test-peer
            name: Boiler on the node-opcua peer
            family: hvac
            opcua: {samplingInterval: 250ms, publishingInterval: 250ms}
            points:
              - id: flow_temperature
                unit: °C
                kind: number
                range: {min: 0, max: 120}
                bindings:
                  opcua: {nodeId: "nsu=urn:caretaker:test-peer;s=Boiler1.FlowTemperature"}
              - id: burner_on
                kind: boolean
                bindings:
                  opcua: {nodeId: "nsu=urn:caretaker:test-peer;s=Boiler1.BurnerOn"}
              - id: burner_starts
                kind: number
                bindings:
                  opcua: {nodeId: "nsu=urn:caretaker:test-peer;s=Boiler1.BurnerStarts"}
            """;

    @TempDir
    Path work;
    private NodeOpcUaPeer peer;
    private TestCamel camel;

    @AfterEach
    void stop() throws Exception {
        if (camel != null) {
            camel.close();
        }
        if (peer != null) {
            peer.close();
        }
    }

    @Test
    void browsingListsNodeIdsTypesAndEngineeringUnits() throws Exception {
        peer = NodeOpcUaPeer.available(work.resolve("peer")).start(0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = BrowseCommand.run(new String[] {peer.endpointUrl(), "--pki=" + work.resolve("hub-pki")}, Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).startsWith("NODE ID").contains("BROWSE PATH", "TYPE", "UNIT");
        assertThat(lines).anySatisfy(line -> assertThat(line.split("\\s{2,}")).containsExactly(
                "nsu=urn:caretaker:test-peer;s=Boiler1.FlowTemperature", "Objects/Boiler1/FlowTemperature", "Double", "°C"));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("nsu=urn:caretaker:test-peer;s=Boiler1.BurnerOn")
                .contains("Objects/Boiler1/BurnerOn", "Boolean"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("Boiler1.BurnerStarts", "UInt32"));
        // Properties such as EURange are metadata of their variable, not variables to put in a profile.
        assertThat(lines).noneMatch(line -> line.contains("EURange") || line.contains("EngineeringUnits"));
    }

    @Test
    void followsThePeerThroughAStopAndARestartWithCommLossInTheGap() throws Exception {
        peer = NodeOpcUaPeer.available(work.resolve("peer")).start(0);
        int port = peer.port();
        camel = new TestCamel(ProfileCatalog.read(new ConfigurationLoader(), Map.of("boiler-test-peer.yaml", PROFILE)),
                work.resolve("hub-pki"))
                .route("opcua-boiler-1", "opcua:boiler-1?endpoint=" + peer.endpointUrl() + "&profile=boiler-test-peer")
                .start();

        awaitFlowTemperature();
        assertThat(camel.hasGood("boiler-1", "burner_on")).isTrue();
        assertThat(camel.events("boiler-1")).isEmpty();

        peer.stop();
        await().atMost(PATIENCE).until(() -> camel.events("boiler-1").contains(DeviceEvent.CONNECTION_LOST));
        assertThat(camel.samples("boiler-1")).filteredOn(s -> s.quality() == Quality.COMM_LOSS)
                .extracting(PointSample::pointId)
                .containsExactlyInAnyOrder("flow_temperature", "burner_on", "burner_starts");

        peer.start(port);
        await().atMost(PATIENCE).until(() -> camel.events("boiler-1").contains(DeviceEvent.CONNECTION_RESTORED));
        awaitFlowTemperature();
        assertThat(camel.events("boiler-1")).containsExactly(DeviceEvent.CONNECTION_LOST, DeviceEvent.CONNECTION_RESTORED);
    }

    private void awaitFlowTemperature() {
        int seen = camel.samples("boiler-1").size();
        await().atMost(PATIENCE).until(() -> camel.samples("boiler-1").stream().skip(seen).anyMatch(s ->
                s.pointId().equals("flow_temperature") && s.quality() == Quality.GOOD
                        && s.value() instanceof Value.Number n && n.value() > 60 && n.value() < 70));
    }
}
