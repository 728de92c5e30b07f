package io.caretaker.hub.webhooks;

import java.time.Instant;

/** One work-order event on its way to the webhook: waiting, delivered, or given up after its last attempt. */
public record WebhookDelivery(long id, String deliveryId, String type, String payload, Status status, int attempts,
                              Instant createdAt, Instant nextAttemptAt, Instant deliveredAt, String lastError) {

    public enum Status { PENDING, DELIVERED, FAILED }
}
