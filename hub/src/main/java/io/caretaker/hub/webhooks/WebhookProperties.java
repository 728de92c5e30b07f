package io.caretaker.hub.webhooks;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where work-order events go ({@code caretaker.webhooks.*}): an HTTP endpoint of the company's CMMS or a chat
 * bot. Off while {@code url} is empty. Each POST is signed with {@code secret} (HMAC-SHA256 of the body, header
 * {@code X-Caretaker-Signature: sha256=<hex>}) and retried with back-off ({@code firstRetry}, doubling) up to
 * {@code maxAttempts} times. Waiting deliveries are looked for every {@code poll}; delivered ones are kept
 * {@code keepDelivered}.
 */
@Validated
@ConfigurationProperties("caretaker.webhooks")
public record WebhookProperties(String url, String secret,
                                @DefaultValue("6") @Min(1) int maxAttempts,
                                @DefaultValue("2s") Duration firstRetry,
                                @DefaultValue("10s") Duration timeout,
                                @DefaultValue("500ms") Duration poll,
                                @DefaultValue("7d") Duration keepDelivered) {

    public boolean enabled() {
        return url != null && !url.isBlank();
    }

    /** The wait after the given failed attempt (1, 2, ...): {@code firstRetry}, doubling. */
    Duration retryAfter(int attempt) {
        return firstRetry.multipliedBy(1L << Math.min(attempt - 1, 16));
    }

    @Override
    public String toString() {
        return "WebhookProperties[url=" + url + ", maxAttempts=" + maxAttempts + "]";
    }
}
