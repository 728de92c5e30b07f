package io.caretaker.hub.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpServer;
import io.caretaker.hub.MovableClock;
import io.caretaker.hub.alarms.TestAlarms;
import io.caretaker.hub.workorders.Tier;
import io.caretaker.hub.workorders.Trade;
import io.caretaker.hub.workorders.WorkOrder;
import io.caretaker.hub.workorders.WorkOrderChanged;
import io.caretaker.hub.workorders.WorkOrderKind;
import io.caretaker.hub.workorders.WorkOrderStatus;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The webhook outbox against a real HTTP receiver on loopback, on H2 and the event time of a controllable clock:
 * back-off, order, giving up, an admin's retry, and a hub restart in the middle.
 */
class WebhookTest {

    private static final String SECRET = "shared-secret";

    private record Received(String signature, String delivery, String event, byte[] body) {

        long workOrderId() throws IOException {
            return new ObjectMapper().readTree(body).get("workOrder").get("id").asLong();
        }
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final MovableClock clock = new MovableClock(TestAlarms.T0);
    private HttpServer receiver;
    private DataSource data;
    private WebhookProperties properties;
    private WebhookDeliveries deliveries;
    private Webhook webhook;

    @BeforeEach
    void receiverAndOutbox() throws IOException {
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
        data = database();
        properties = new WebhookProperties("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook", SECRET, 4,
                Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofMillis(100), Duration.ofDays(7));
        deliveries = new WebhookDeliveries(JdbcClient.create(data));
        webhook = new Webhook(properties, deliveries, new ObjectMapper().registerModule(new JavaTimeModule()), clock);
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    /** The outbox's database, migrated; PostgresWebhookIT runs the same on PostgreSQL. */
    DataSource database() {
        DataSource h2 = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(h2).load().migrate();
        return h2;
    }

    /** A hub's sender on the outbox; a new one is what a restarted hub has. */
    private WebhookSender sender() {
        return new WebhookSender(properties, deliveries, new TransactionTemplate(new DataSourceTransactionManager(data)), clock);
    }

    @Test
    void aRefusedDeliveryIsRetriedAfterItsBackOffWithTheSameIdAndAVerifiableSignature() throws Exception {
        failuresLeft.set(2);
        WebhookSender sender = sender();

        webhook.onWorkOrderChanged(changed("dispatch", 7));

        assertThat(sender.sendNext()).isTrue(); // refused: next try in 2 s
        assertThat(sender.sendNext()).isFalse();
        clock.advance(Duration.ofMillis(1999));
        assertThat(sender.sendNext()).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(sender.sendNext()).isTrue(); // refused again: next try 4 s later
        clock.advance(Duration.ofSeconds(3));
        assertThat(sender.sendNext()).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(sender.sendNext()).isTrue(); // taken
        assertThat(sender.sendNext()).isFalse();

        assertThat(received).hasSize(3).extracting(Received::delivery).containsOnly(received.get(0).delivery());
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
        assertThat(deliveries.list(WebhookDelivery.Status.DELIVERED, 10)).extracting(WebhookDelivery::attempts).containsExactly(3);
    }

    @Test
    void laterEventsWaitBehindARefusedOneSoTheReceiverSeesThemInOrder() throws Exception {
        failuresLeft.set(1);
        WebhookSender sender = sender();
        webhook.onWorkOrderChanged(changed("opened", 1));
        webhook.onWorkOrderChanged(changed("opened", 2));

        assertThat(sender.sendNext()).isTrue(); // the first refused
        assertThat(sender.sendNext()).isFalse(); // the second waits behind it
        clock.advance(Duration.ofSeconds(2));
        while (sender.sendNext()) {
            clock.advance(Duration.ofMillis(1));
        }

        assertThat(received).hasSize(3);
        assertThat(List.of(received.get(0).workOrderId(), received.get(1).workOrderId(), received.get(2).workOrderId()))
                .containsExactly(1L, 1L, 2L);
    }

    @Test
    void aDeliveryGivenUpAfterItsLastAttemptIsKeptForAnAdminToRetry() throws Exception {
        failuresLeft.set(100);
        WebhookSender sender = sender();
        webhook.onWorkOrderChanged(changed("opened", 3));

        for (int attempt = 1; attempt <= 4; attempt++) {
            assertThat(sender.sendNext()).isTrue();
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(sender.sendNext()).isFalse(); // given up after maxAttempts = 4
        assertThat(received).hasSize(4);
        List<WebhookDelivery> failed = deliveries.list(WebhookDelivery.Status.FAILED, 10);
        assertThat(failed).extracting(WebhookDelivery::type, WebhookDelivery::attempts, WebhookDelivery::lastError)
                .containsExactly(tuple("workorder.opened", 4, "HTTP 503"));

        failuresLeft.set(0);
        assertThat(deliveries.retry(failed.get(0).id(), clock.instant())).isTrue();
        assertThat(deliveries.retry(failed.get(0).id(), clock.instant())).isFalse(); // waiting now, not failed
        assertThat(sender.sendNext()).isTrue();
        assertThat(received).hasSize(5);
        assertThat(deliveries.list(WebhookDelivery.Status.DELIVERED, 10)).hasSize(1);
    }

    @Test
    void eventsWaitingWhenTheHubStopsAreSentByTheNextStartExactlyOnceAndInOrder() throws Exception {
        failuresLeft.set(0);
        for (long id = 1; id <= 5; id++) {
            webhook.onWorkOrderChanged(changed("opened", id));
        }
        WebhookSender before = sender();
        assertThat(before.sendNext()).isTrue();
        assertThat(before.sendNext()).isTrue();
        receiver.stop(0); // the receiver goes down, then the hub stops with a refused delivery waiting
        assertThat(before.sendNext()).isTrue();

        receiverBackOnTheSamePort();
        WebhookSender after = sender();
        clock.advance(Duration.ofSeconds(2));
        while (after.sendNext()) {
            // all that waits
        }

        assertThat(received).hasSize(5);
        List<Long> ids = new java.util.ArrayList<>();
        for (Received r : received) {
            ids.add(r.workOrderId());
        }
        assertThat(ids).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(received).extracting(Received::delivery).doesNotHaveDuplicates();
    }

    @Test
    void twoHubsOnOneDatabaseSendEachEventOnceAndInOrder() throws Exception {
        for (long id = 1; id <= 40; id++) {
            webhook.onWorkOrderChanged(changed("opened", id));
        }
        Runnable hub = () -> {
            WebhookSender sender = sender();
            for (int idle = 0; idle < 50; ) {
                try {
                    idle = sender.sendNext() ? 0 : idle + 1;
                } catch (RuntimeException lockedByTheOther) {
                    idle = 0; // the database gave up waiting for the other hub's lock: ask again
                }
            }
        };
        Thread first = new Thread(hub);
        Thread second = new Thread(hub);
        first.start();
        second.start();
        first.join(60_000);
        second.join(60_000);

        List<Long> ids = new java.util.ArrayList<>();
        for (Received r : received) {
            ids.add(r.workOrderId());
        }
        assertThat(ids).hasSize(40).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void deliveredEventsArePurgedAfterTheirRetentionTime() {
        webhook.onWorkOrderChanged(changed("opened", 1));
        WebhookSender sender = sender();
        sender.sendNext();
        clock.advance(Duration.ofDays(7).plusSeconds(1));

        sender.purge();

        assertThat(deliveries.list(WebhookDelivery.Status.DELIVERED, 10)).isEmpty();
    }

    @Test
    void withoutAUrlNothingIsQueued() {
        Webhook off = new Webhook(new WebhookProperties(null, null, 4, Duration.ofSeconds(2), Duration.ofSeconds(5),
                Duration.ofMillis(100), Duration.ofDays(7)), deliveries, new ObjectMapper().registerModule(new JavaTimeModule()), clock);

        off.onWorkOrderChanged(changed("opened", 1));

        assertThat(sender().sendNext()).isFalse();
    }

    private void receiverBackOnTheSamePort() throws IOException {
        HttpServer down = receiver;
        receiver = HttpServer.create(down.getAddress(), 0);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestHeaders().getFirst(Webhook.SIGNATURE_HEADER),
                    exchange.getRequestHeaders().getFirst("X-Caretaker-Delivery"),
                    exchange.getRequestHeaders().getFirst("X-Caretaker-Event"), body));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    private WorkOrderChanged changed(String type, long workOrderId) {
        return new WorkOrderChanged(type, workOrder(workOrderId), "desk-wang", clock.instant());
    }

    private static WorkOrder workOrder(long id) {
        Instant at = Instant.parse("2026-11-23T01:00:00Z");
        return new WorkOrder(id, WorkOrderKind.REQUEST, null, null, Tier.MINOR, WorkOrderStatus.DISPATCHED, "Lamp out", null,
                new WorkOrder.Location("Office Tower", "12", "Lift lobby"), new WorkOrder.Contact("Ms Li", null), Trade.ELECTRICAL, null,
                at, at.plusSeconds(7200), at.plusSeconds(7200), at.plusSeconds(86400), null, null, null, 1, 0, null, null);
    }
}
