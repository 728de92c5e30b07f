package io.caretaker.hub.webhooks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the webhook outbox: the oldest waiting delivery first, as a signed JSON POST; a refusal or an unreachable
 * receiver is retried with back-off ({@code firstRetry}, doubling) and later events wait behind it, so the receiver
 * sees them in order; after {@code maxAttempts} the delivery is given up (FAILED, kept for an admin) and the next
 * goes. The delivery is locked while it is sent, so hub instances sharing one database never send it twice.
 */
@Component
public class WebhookSender implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
    private static final Duration PURGE_EVERY = Duration.ofHours(1);

    private final WebhookProperties properties;
    private final WebhookDeliveries deliveries;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final HttpClient http;
    private ScheduledExecutorService loop;
    private Instant lastPurge;
    private Instant failingSince;

    public WebhookSender(WebhookProperties properties, WebhookDeliveries deliveries, TransactionTemplate transactions, Clock clock) {
        this.properties = properties;
        this.deliveries = deliveries;
        this.transactions = transactions;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
    }

    /** Makes the next attempt when the oldest waiting delivery is due; true when it did, so the caller may go on. */
    public boolean sendNext() {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            Optional<WebhookDelivery> next = deliveries.lockOldestPending();
            if (next.isEmpty() || next.get().nextAttemptAt().isAfter(clock.instant())) {
                return false;
            }
            attempt(next.get());
            return true;
        }));
    }

    private void attempt(WebhookDelivery delivery) {
        int attempt = delivery.attempts() + 1;
        String refusal = post(delivery);
        Instant now = clock.instant();
        if (refusal == null) {
            deliveries.delivered(delivery.id(), attempt, now);
            log.debug("webhook delivered delivery={} type={} attempt={}", delivery.deliveryId(), delivery.type(), attempt);
        } else if (attempt >= properties.maxAttempts()) {
            deliveries.gaveUp(delivery.id(), attempt, refusal);
            log.warn("webhook delivery given up, an admin may retry it (GET /api/webhooks/deliveries?status=FAILED) delivery={}"
                    + " type={} attempts={} last={}", delivery.deliveryId(), delivery.type(), attempt, refusal);
        } else {
            Duration wait = properties.retryAfter(attempt);
            deliveries.failed(delivery.id(), attempt, refusal, now.plus(wait));
            log.info("webhook delivery failed, retrying delivery={} type={} attempt={} in={} cause={}",
                    delivery.deliveryId(), delivery.type(), attempt, wait, refusal);
        }
    }

    /** POSTs the delivery; null when the receiver took it (2xx), else why not. */
    private String post(WebhookDelivery delivery) {
        byte[] payload = delivery.payload().getBytes(StandardCharsets.UTF_8);
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(properties.url()))
                    .timeout(properties.timeout())
                    .header("Content-Type", "application/json")
                    .header("X-Caretaker-Event", delivery.type())
                    .header("X-Caretaker-Delivery", delivery.deliveryId())
                    .header(Webhook.SIGNATURE_HEADER, "sha256=" + Webhook.sign(properties.secret(), payload))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(payload))
                    .build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status / 100 == 2 ? null : "HTTP " + status;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while sending";
        } catch (Exception e) {
            return e.toString();
        }
    }

    /** Deletes deliveries delivered longer ago than {@code keepDelivered}, at most once an hour. */
    void purge() {
        Instant now = clock.instant();
        if (lastPurge != null && Duration.between(lastPurge, now).compareTo(PURGE_EVERY) < 0) {
            return;
        }
        lastPurge = now;
        int purged = deliveries.purgeDelivered(now.minus(properties.keepDelivered()));
        if (purged > 0) {
            log.info("webhook deliveries purged count={} delivered-before={}", purged, now.minus(properties.keepDelivered()));
        }
    }

    private void drain() {
        try {
            while (sendNext()) {
                // the next one at once
            }
            purge();
            if (failingSince != null) {
                log.info("webhook outbox readable again after failing since {}", failingSince);
                failingSince = null;
            }
        } catch (RuntimeException e) {
            // the database is away, or another instance holds the delivery: the next poll tries again; said once, not every poll
            if (failingSince == null) {
                failingSince = clock.instant();
                log.warn("webhook outbox cannot be read, deliveries wait; retrying every {} cause={}", properties.poll(), e.toString());
            } else {
                log.debug("webhook outbox still cannot be read cause={}", e.toString());
            }
        }
    }

    @Override
    public synchronized void start() {
        if (!properties.enabled() || loop != null) {
            return;
        }
        loop = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "webhook");
            t.setDaemon(true);
            return t;
        });
        loop.scheduleWithFixedDelay(this::drain, 0, properties.poll().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (loop == null) {
            return;
        }
        loop.shutdownNow();
        try {
            loop.awaitTermination(properties.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        loop = null; // what waits stays in the outbox for the next start
    }

    @Override
    public synchronized boolean isRunning() {
        return loop != null;
    }
}
