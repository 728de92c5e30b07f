package io.caretaker.hub.workorders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The webhook against a real HTTP receiver on loopback that fails the first deliveries. */
class WebhookTest {

    private static final String SECRET = "shared-secret";

    private record Received(String signature, String delivery, String event, byte[] body) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private HttpServer receiver;
    private Webhook webhook;

    @BeforeEach
    void receiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestHeaders().getFirst(Webhook.SIGNATURE_HEADER),
                    exchange.getRequestHeaders().getFirst("X-Caretaker-Delivery"),
                    exchange.getRequestHeaders().getFirst("X-Caretaker-Event"), body));
            exchange.sendResponseHeaders(failuresLeft.getAndDecrement() > 0 ? 503 : 204, -1);
            exchange.close();
        });
        receiver.start();
        webhook = new Webhook(new WebhookProperties("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook", SECRET, 4,
                Duration.ofMillis(50), Duration.ofSeconds(5)), new ObjectMapper().registerModule(new JavaTimeModule()));
    }

    @AfterEach
    void stop() {
        webhook.destroy();
        receiver.stop(0);
    }

    @Test
    void aRefusedDeliveryIsRetriedWithTheSameIdAndAVerifiableSignature() throws Exception {
        failuresLeft.set(2);

        webhook.onWorkOrderChanged(new WorkOrderChanged("dispatch", workOrder(), "desk-wang", Instant.parse("2026-11-23T01:00:00Z")));

        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 3);
        assertThat(received).extracting(Received::delivery).containsOnly(received.get(0).delivery());
        for (Received r : received) {
            assertThat(r.signature()).isEqualTo("sha256=" + Webhook.sign(SECRET, r.body()));
            assertThat(r.signature()).isNotEqualTo("sha256=" + Webhook.sign("another secret", r.body()));
        }
        JsonNode body = new ObjectMapper().readTree(new String(received.get(2).body(), StandardCharsets.UTF_8));
        assertThat(received.get(2).event()).isEqualTo("workorder.dispatch");
        assertThat(body.get("type").asText()).isEqualTo("workorder.dispatch");
        assertThat(body.get("actor").asText()).isEqualTo("desk-wang");
        assertThat(body.get("workOrder").get("id").asLong()).isEqualTo(7);
        assertThat(body.get("workOrder").get("status").asText()).isEqualTo("DISPATCHED");
    }

    @Test
    void aDeliveryIsGivenUpAfterItsLastAttempt() {
        failuresLeft.set(100);

        webhook.onWorkOrderChanged(new WorkOrderChanged("opened", workOrder(), "caretaker", Instant.parse("2026-11-23T01:00:00Z")));

        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 4);
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(2)).until(() -> received.size() == 4);
    }

    private static WorkOrder workOrder() {
        Instant at = Instant.parse("2026-11-23T01:00:00Z");
        return new WorkOrder(7, WorkOrderKind.REQUEST, null, null, Tier.MINOR, WorkOrderStatus.DISPATCHED, "Lamp out", null,
                new WorkOrder.Location("Office Tower", "12", "Lift lobby"), new WorkOrder.Contact("Ms Li", null), Trade.ELECTRICAL, null,
                at, at.plusSeconds(7200), at.plusSeconds(7200), at.plusSeconds(86400), null, null, null, 1, 0, null, null);
    }
}
