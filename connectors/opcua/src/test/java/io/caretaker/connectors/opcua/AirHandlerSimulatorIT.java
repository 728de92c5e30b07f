package io.caretaker.connectors.opcua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.caretaker.simulators.SimulatedDevice.Behaviour;
import io.caretaker.simulators.opcua.OpcUaSimulatorServer;
import io.caretaker.simulators.opcua.SimulatedAirHandler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The air-handler simulator as a real Milo client sees it (here because this module has the client). */
class AirHandlerSimulatorIT {

    private OpcUaSimulatorServer server;
    private SimulatedAirHandler airHandler;
    private OpcUaClient client;

    @BeforeEach
    void start() throws Exception {
        server = OpcUaSimulatorServer.start("127.0.0.1", 0);
        airHandler = server.addAirHandler("ahu-1", "ahu-1/", Clock.systemUTC());
        client = OpcUaClient.create(server.endpointUrl(),
                endpoints -> endpoints.stream()
                        .filter(e -> SecurityPolicy.None.getUri().equals(e.getSecurityPolicyUri()))
                        .findFirst(),
                transport -> {},
                config -> {});
        client.connect();
    }

    @AfterEach
    void stop() throws Exception {
        if (client != null) {
            client.disconnect();
        }
        server.close();
    }

    @Test
    void servesAnAirHandlerOnAnEphemeralPort() throws Exception {
        assertThat(server.port()).isPositive();
        assertThat(server.endpointUrl()).isEqualTo("opc.tcp://127.0.0.1:" + server.port() + "/caretaker");

        List<DataValue> values = read("SupplyAirTemperature", "SupplyAirSetpoint", "ReturnAirTemperature",
                "FanCommand", "FanStatus", "FilterDifferentialPressure");

        assertThat(values).allSatisfy(v -> assertThat(v.getStatusCode().isGood()).isTrue());
        assertThat((Double) values.get(0).getValue().getValue()).isBetween(15.0, 17.0);
        assertThat(values.get(1).getValue().getValue()).isEqualTo(16.0);
        assertThat((Double) values.get(2).getValue().getValue()).isBetween(22.0, 24.0);
        assertThat(values.get(3).getValue().getValue()).isEqualTo(true);
        assertThat(values.get(4).getValue().getValue()).isEqualTo(true);
        assertThat((Double) values.get(5).getValue().getValue()).isBetween(110.0, 130.0);
    }

    @Test
    void refreshesSourceTimestampsEvenWhenValuesDoNotChange() throws Exception {
        Instant first = read("SupplyAirSetpoint").get(0).getSourceTime().getJavaInstant();

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(read("SupplyAirSetpoint").get(0).getSourceTime().getJavaInstant()).isAfter(first));
    }

    @Test
    void faultAndSilenceShowOnTheWire() throws Exception {
        airHandler.behave(Behaviour.FAULT);
        assertThat(read("SupplyAirTemperature").get(0).getValue().getValue()).isEqualTo(35.0);

        airHandler.behave(Behaviour.SILENT);
        assertThat(read("SupplyAirTemperature", "FanStatus"))
                .allSatisfy(v -> assertThat(v.getStatusCode().getValue()).isEqualTo(StatusCodes.Bad_NoCommunication));

        airHandler.behave(Behaviour.NORMAL);
        assertThat(read("SupplyAirTemperature").get(0).getStatusCode().isGood()).isTrue();
    }

    private List<DataValue> read(String... names) throws Exception {
        List<NodeId> ids = Arrays.stream(names)
                .map(n -> ExpandedNodeId.parse("nsu=urn:caretaker:simulators;s=ahu-1/" + n)
                        .toNodeId(client.getNamespaceTable()).orElseThrow())
                .map(NodeId.class::cast)
                .toList();
        return client.readValues(0, TimestampsToReturn.Both, ids);
    }
}
