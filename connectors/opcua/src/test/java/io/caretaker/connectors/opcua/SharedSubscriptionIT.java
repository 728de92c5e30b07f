package io.caretaker.connectors.opcua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.caretaker.deviceprofiles.ConfigurationLoader;
import io.caretaker.deviceprofiles.ProfileCatalog;
import io.caretaker.deviceprofiles.canonical.DeviceEvent;
import io.caretaker.simulators.opcua.OpcUaSimulatorServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several devices on one server: one session, one subscription, items created in batches, intervals from profiles. */
class SharedSubscriptionIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final int BULK_POINTS = 1200;

    @TempDir
    Path pki;
    private OpcUaSimulatorServer server;
    private TestCamel camel;

    @AfterEach
    void stop() {
        if (camel != null) {
            camel.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void devicesOnOneServerShareOneSessionAndOneSubscriptionFilledInBatches() throws Exception {
        server = OpcUaSimulatorServer.start("127.0.0.1", 0);
        server.addAirHandler("ahu-1", "ahu-1/", Clock.systemUTC());
        server.addAirHandler("ahu-2", "ahu-2/", Clock.systemUTC());
        server.addBulkDevice("plant-1", "plant-1/", BULK_POINTS);
        String endpoint = server.endpointUrl();

        camel = new TestCamel(catalog(), pki);
        camel.component().setMaxItemsPerRequest(500);
        camel.route("opcua-plant-1", "opcua:plant-1?endpoint=" + endpoint + "&profile=bulk-plant&nodePrefix=plant-1/")
                .route("opcua-ahu-1", "opcua:ahu-1?endpoint=" + endpoint + "&profile=air-handler-basic&nodePrefix=ahu-1/")
                .route("opcua-ahu-2", "opcua:ahu-2?endpoint=" + endpoint + "&profile=air-handler-basic&nodePrefix=ahu-2/")
                .start();

        await().atMost(PATIENCE).until(() -> camel.hasGood("ahu-1", "supply_air_temperature")
                && camel.hasGood("ahu-2", "supply_air_temperature")
                && camel.hasGood("plant-1", "value_" + (BULK_POINTS - 1)));

        assertThat(server.sessionCount()).isEqualTo(1);
        assertThat(server.subscriptionCount()).isEqualTo(1);
        assertThat(server.monitoredItemRequests()).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(500));
        assertThat(server.monitoredItemRequests().stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(BULK_POINTS + 2 * 6);
        // 1212 items in requests of at most 500: three when all three devices joined before the session was up,
        // five when the air handlers came later (500, 500, 200, 6, 6).
        assertThat(server.monitoredItemRequests()).hasSizeBetween(3, 5);
        // bulk-plant asks for 200 ms sampling and 300 ms publishing; the air handler profile keeps the 1 s default.
        assertThat(server.samplingIntervals()).contains(200.0, 1000.0);
        assertThat(server.publishingIntervals()).containsExactly(300.0);
        assertThat(camel.events("ahu-1")).isEmpty();
    }

    @Test
    void aDeviceThatLeavesTakesOnlyItsOwnItemsAndTheLastOneClosesTheSession() throws Exception {
        server = OpcUaSimulatorServer.start("127.0.0.1", 0);
        server.addAirHandler("ahu-1", "ahu-1/", Clock.systemUTC());
        server.addAirHandler("ahu-2", "ahu-2/", Clock.systemUTC());
        String endpoint = server.endpointUrl();
        camel = new TestCamel(catalog(), pki)
                .route("opcua-ahu-1", "opcua:ahu-1?endpoint=" + endpoint + "&profile=air-handler-basic&nodePrefix=ahu-1/")
                .route("opcua-ahu-2", "opcua:ahu-2?endpoint=" + endpoint + "&profile=air-handler-basic&nodePrefix=ahu-2/")
                .start();
        await().atMost(PATIENCE).until(() -> camel.hasGood("ahu-1", "fan_status") && camel.hasGood("ahu-2", "fan_status"));

        camel.camel.getRouteController().stopRoute("opcua-ahu-1");
        int seen = camel.samples("ahu-2").size();
        await().atMost(PATIENCE).until(() -> camel.samples("ahu-2").size() > seen + 6);
        assertThat(server.sessionCount()).isEqualTo(1);
        assertThat(camel.events("ahu-2")).doesNotContain(DeviceEvent.CONNECTION_LOST);

        camel.camel.getRouteController().stopRoute("opcua-ahu-2");
        await().atMost(PATIENCE).until(() -> server.sessionCount() == 0);
    }

    private static ProfileCatalog catalog() throws IOException {
        StringBuilder bulk = new StringBuilder("""
                formatVersion: 1
                id: bulk-plant
                name: A plant with many points
                family: hvac
                opcua: {samplingInterval: 200ms, publishingInterval: 300ms}
                points:
                """);
        for (int i = 0; i < BULK_POINTS; i++) {
            bulk.append("  - id: value_").append(i).append("\n    kind: number\n    bindings:\n")
                    .append("      opcua: {nodeId: \"nsu=urn:caretaker:simulators;s={prefix}Value").append(i).append("\"}\n");
        }
        try (InputStream ahu = SharedSubscriptionIT.class.getResourceAsStream("/caretaker/profiles/air-handler-basic.yaml")) {
            return ProfileCatalog.read(new ConfigurationLoader(), Map.of(
                    "air-handler-basic.yaml", new String(ahu.readAllBytes(), StandardCharsets.UTF_8),
                    "bulk-plant.yaml", bulk.toString()));
        }
    }
}
