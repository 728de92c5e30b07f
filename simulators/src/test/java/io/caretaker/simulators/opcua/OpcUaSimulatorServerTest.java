package io.caretaker.simulators.opcua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.caretaker.simulators.SimulatedDevice.Behaviour;
import java.time.Clock;
import java.time.Duration;
import java.nio.file.Path;
import java.time.Instant;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpcUaSimulatorServerTest {

    private OpcUaSimulatorServer server;
    private SimulatedAirHandler airHandler;

    @BeforeEach
    void start() {
        server = OpcUaSimulatorServer.start("127.0.0.1", 0);
        airHandler = server.addAirHandler("ahu-1", "ahu-1/", Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aServerStartedAgainOnTheSamePkiFolderKeepsItsCertificate(@TempDir Path pki) {
        byte[] first;
        try (OpcUaSimulatorServer once = OpcUaSimulatorServer.start("127.0.0.1", 0, pki)) {
            first = once.certificate().getSignature();
        }
        try (OpcUaSimulatorServer again = OpcUaSimulatorServer.start("127.0.0.1", 0, pki)) {
            assertThat(again.certificate().getSignature()).isEqualTo(first);
            assertThat(again.certificate()).isNotEqualTo(server.certificate());
        }
    }

    @Test
    void bindsAnEphemeralPortUnderCaretakerPath() {
        assertThat(server.port()).isPositive();
        assertThat(server.endpointUrl()).isEqualTo("opc.tcp://127.0.0.1:" + server.port() + "/caretaker");
    }

    @Test
    void airHandlerStartsAtItsSetpointWithTheFanRunning() {
        assertThat((Double) value("ahu-1/SupplyAirTemperature")).isBetween(15.5, 16.5);
        assertThat(value("ahu-1/SupplyAirSetpoint")).isEqualTo(16.0);
        assertThat((Double) value("ahu-1/ReturnAirTemperature")).isBetween(22.0, 24.0);
        assertThat(value("ahu-1/FanCommand")).isEqualTo(true);
        assertThat(value("ahu-1/FanStatus")).isEqualTo(true);
        assertThat((Double) value("ahu-1/FilterDifferentialPressure")).isBetween(115.0, 125.0);
    }

    @Test
    void refreshesTheSourceTimestampEveryTickEvenWhenTheValueIsUnchanged() {
        Instant first = server.valueOf("ahu-1/SupplyAirSetpoint").getSourceTime().getJavaInstant();

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(server.valueOf("ahu-1/SupplyAirSetpoint").getSourceTime().getJavaInstant()).isAfter(first));
        assertThat(value("ahu-1/SupplyAirSetpoint")).isEqualTo(16.0);
    }

    @Test
    void faultSilenceAndRecovery() {
        airHandler.behave(Behaviour.FAULT);
        assertThat(value("ahu-1/SupplyAirTemperature")).isEqualTo(35.0);

        airHandler.behave(Behaviour.SILENT);
        Instant silencedAt = server.valueOf("ahu-1/FanStatus").getSourceTime().getJavaInstant();
        assertThat(server.valueOf("ahu-1/SupplyAirTemperature").getStatusCode().getValue())
                .isEqualTo(StatusCodes.Bad_NoCommunication);
        // Silent means silent: a later tick must not refresh anything.
        await().pollDelay(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).untilAsserted(() ->
                assertThat(server.valueOf("ahu-1/FanStatus").getSourceTime().getJavaInstant()).isEqualTo(silencedAt));

        airHandler.behave(Behaviour.NORMAL);
        assertThat(server.valueOf("ahu-1/SupplyAirTemperature").getStatusCode().isGood()).isTrue();
        assertThat((Double) value("ahu-1/SupplyAirTemperature")).isBetween(15.5, 16.5);
    }
    @Test
    void bulkDevicesChangeEveryVariableWhenAsked() {
        server.addBulkDevice("ua-1", "ua-1/", 3);
        assertThat(value("ua-1/Value2")).isEqualTo(2.0);

        assertThat(server.changeBulkValues()).isEqualTo(3);

        assertThat(value("ua-1/Value0")).isEqualTo(1.0);
        assertThat(value("ua-1/Value2")).isEqualTo(3.0);
        server.changeBulkValues();
        assertThat(value("ua-1/Value2")).isEqualTo(4.0);
    }


    private Object value(String nodeId) {
        return server.valueOf(nodeId).getValue().getValue();
    }
}
