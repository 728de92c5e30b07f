package io.caretaker.hub.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.caretaker.hub.workorders.SlaWatch;
import io.caretaker.hub.workorders.WorkOrderChanged;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Queues work-order events (opened, each transition, recurrences, SLA escalations) for the configured webhook, in
 * the transaction of the change that caused them: an event is kept exactly when its change is, and a restart loses
 * none. {@link WebhookSender} delivers them.
 */
@Component
public class Webhook {

    private static final Logger log = LoggerFactory.getLogger(Webhook.class);
    public static final String SIGNATURE_HEADER = "X-Caretaker-Signature";

    private final WebhookProperties properties;
    private final WebhookDeliveries deliveries;
    private final ObjectMapper json;
    private final Clock clock;

    public Webhook(WebhookProperties properties, WebhookDeliveries deliveries, ObjectMapper json, Clock clock) {
        this.properties = properties;
        this.deliveries = deliveries;
        this.json = json;
        this.clock = clock;
        if (properties.enabled() && (properties.secret() == null || properties.secret().isBlank())) {
            throw new IllegalStateException("caretaker.webhooks.url is set but caretaker.webhooks.secret is not; "
                    + "set a shared secret (CARETAKER_WEBHOOKS_SECRET) so the receiver can verify each POST");
        }
    }

    @EventListener
    public void onWorkOrderChanged(WorkOrderChanged event) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "workorder." + event.type());
        body.put("at", event.at().toString());
        body.put("actor", event.actor());
        body.put("workOrder", event.workOrder());
        queue(body);
    }

    @EventListener
    public void onEscalation(SlaWatch.EscalationRaised event) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "workorder.escalation");
        body.put("at", event.escalation().raisedAt().toString());
        body.put("escalation", event.escalation());
        body.put("workOrder", event.workOrder());
        queue(body);
    }

    private void queue(Map<String, Object> body) {
        if (!properties.enabled()) {
            return;
        }
        String delivery = UUID.randomUUID().toString();
        body.put("delivery", delivery);
        String payload;
        try {
            payload = json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            // never fail the work-order change for its notification
            log.warn("webhook event not serialisable type={} cause={}", body.get("type"), e.getMessage());
            return;
        }
        deliveries.add(delivery, String.valueOf(body.get("type")), payload, clock.instant());
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
}
