package io.caretaker.hub.workorders;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where work-order events go ({@code caretaker.webhooks.*}): an HTTP endpoint of the company's CMMS or a chat
 * bot. Off while {@code url} is empty. Each POST is signed with {@code secret} (HMAC-SHA256 of the body, header
 * {@code X-Caretaker-Signature: sha256=<hex>}) and retried with back-off ({@code firstRetry}, doubling) up to
 * {@code maxAttempts} times.
 */
@Validated
@ConfigurationProperties("caretaker.webhooks")
public record WebhookProperties(String url, String secret,
                                @DefaultValue("6") @Min(1) int maxAttempts,
                                @DefaultValue("2s") Duration firstRetry,
                                @DefaultValue("10s") Duration timeout) {

    public boolean enabled() {
        return url != null && !url.isBlank();
    }

    @Override
    public String toString() {
        return "WebhookProperties[url=" + url + ", maxAttempts=" + maxAttempts + "]";
    }
}
