package io.caretaker.hub.opcua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caretaker.connectors.opcua.BrowsedVariable;
import io.caretaker.connectors.opcua.ClientPki;
import io.caretaker.deviceprofiles.site.Site;
import io.caretaker.simulators.opcua.OpcUaSimulatorServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

class OpcUaBrowseControllerTest {

    @TempDir
    Path pkiDirectory;
    private OpcUaSimulatorServer server;
    private ClientPki pki;
    private OpcUaBrowseController controller;

    @BeforeEach
    void start() {
        server = OpcUaSimulatorServer.start("127.0.0.1", 0);
        server.addAirHandler("ahu-1", "ahu-1/", Clock.systemUTC());
        pki = ClientPki.open(pkiDirectory);
        controller = new OpcUaBrowseController(new StaticListableBeanFactory(Map.of("opcUaClientPki", pki)).getBeanProvider(ClientPki.class),
                new Site("test", "Test", ZoneId.of("UTC"), null, List.of()));
    }

    @AfterEach
    void stop() {
        pki.close();
        server.close();
    }

    @Test
    void listsTheServersVariablesWithNodeIdsPathsAndTypes() {
        List<BrowsedVariable> variables = controller.browse(server.endpointUrl(), null, null);

        assertThat(variables).contains(new BrowsedVariable("nsu=urn:caretaker:simulators;s=ahu-1/SupplyAirTemperature",
                "Objects/ahu-1/SupplyAirTemperature", "SupplyAirTemperature", "Double", ""));
        assertThat(variables).filteredOn(v -> v.nodeId().endsWith("FanStatus"))
                .extracting(BrowsedVariable::dataType).containsExactly("Boolean");
        assertThat(variables).hasSize(6);
    }

    @Test
    void aBadSecurityPolicyIsABadRequestNamingTheChoices() {
        assertThatThrownBy(() -> controller.browse(server.endpointUrl(), "Basic128", null))
                .isInstanceOf(ResponseStatusException.class)
                .hasMessageContaining("use None or Basic256Sha256")
                .extracting(e -> ((ResponseStatusException) e).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void aServerWithoutTheAskedSecurityIsABadGatewaySayingWhatItOffers() {
        assertThatThrownBy(() -> controller.browse(server.endpointUrl(), "Basic256Sha256", "Sign"))
                .isInstanceOf(ResponseStatusException.class)
                .hasMessageContaining("it offers None/None (Anonymous)")
                .extracting(e -> ((ResponseStatusException) e).getStatusCode()).isEqualTo(HttpStatus.BAD_GATEWAY);
    }
}
