package io.caretaker.hub.workorders;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends work-order events (opened, each transition, recurrences, SLA escalations) to the configured webhook as a
 * signed JSON POST, after the change is committed, off the caller's thread, retrying with back-off. Deliveries
 * waiting for a retry live in memory: a hub restart forgets them (logged when it happens).
 */
@Component
public class Webhook implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Webhook.class);
    public static final String SIGNATURE_HEADER = "X-Caretaker-Signature";

    private final WebhookProperties properties;
    private final ObjectMapper json;
    private final HttpClient http;
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "webhook");
        t.setDaemon(true);
        return t;
    });

    public Webhook(WebhookProperties properties, ObjectMapper json) {
        this.properties = properties;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
        if (properties.enabled() && (properties.secret() == null || properties.secret().isBlank())) {
            throw new IllegalStateException("caretaker.webhooks.url is set but caretaker.webhooks.secret is not; "
                    + "set a shared secret (CARETAKER_WEBHOOKS_SECRET) so the receiver can verify each POST");
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    public void onWorkOrderChanged(WorkOrderChanged event) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "workorder." + event.type());
        body.put("at", event.at().toString());
        body.put("actor", event.actor());
        body.put("workOrder", event.workOrder());
        send(body);
    }

    @TransactionalEventListener(fallbackExecution = true)
    public void onEscalation(SlaWatch.EscalationRaised event) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "workorder.escalation");
        body.put("at", event.escalation().raisedAt().toString());
        body.put("escalation", event.escalation());
        body.put("workOrder", event.workOrder());
        send(body);
    }

    private void send(Map<String, Object> body) {
        if (!properties.enabled()) {
            return;
        }
        String delivery = UUID.randomUUID().toString();
        body.put("delivery", delivery);
        byte[] payload;
        try {
            payload = json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            log.warn("webhook event not serialisable type={} cause={}", body.get("type"), e.getMessage());
            return;
        }
        sender.execute(() -> attempt(delivery, String.valueOf(body.get("type")), payload, 1));
    }

    private void attempt(String delivery, String type, byte[] payload, int attempt) {
        String outcome;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(properties.url()))
                    .timeout(properties.timeout())
                    .header("Content-Type", "application/json")
                    .header("X-Caretaker-Event", type)
                    .header("X-Caretaker-Delivery", delivery)
                    .header(SIGNATURE_HEADER, "sha256=" + sign(properties.secret(), payload))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(payload))
                    .build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 == 2) {
                log.debug("webhook delivered delivery={} type={} attempt={}", delivery, type, attempt);
                return;
            }
            outcome = "HTTP " + status;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            outcome = e.toString();
        }
        if (attempt >= properties.maxAttempts()) {
            log.warn("webhook delivery given up delivery={} type={} attempts={} last={}", delivery, type, attempt, outcome);
            return;
        }
        Duration wait = properties.firstRetry().multipliedBy(1L << Math.min(attempt - 1, 16));
        log.info("webhook delivery failed, retrying delivery={} type={} attempt={} in={} cause={}", delivery, type, attempt, wait, outcome);
        sender.schedule(() -> attempt(delivery, type, payload, attempt + 1), wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** HMAC-SHA256 of the body with the shared secret, in hex, as the receiver recomputes it. */
    public static String sign(String secret, byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    @Override
    public void destroy() {
        int waiting = sender.shutdownNow().size();
        if (waiting > 0) {
            log.warn("webhook deliveries not sent at shutdown count={}", waiting);
        }
    }
}
