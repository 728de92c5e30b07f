package io.caretaker.hub.webhooks;

import io.caretaker.hub.system.problems.BadRequestTitle;
import java.time.Clock;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** For admins: the webhook deliveries given up (or waiting, or delivered), and sending a given-up one again. */
@RestController
@RequestMapping("/api/webhooks/deliveries")
@BadRequestTitle("Invalid webhook delivery request")
public class WebhookController {

    private final WebhookDeliveries deliveries;
    private final Clock clock;

    WebhookController(WebhookDeliveries deliveries, Clock clock) {
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @GetMapping
    List<WebhookDelivery> list(@RequestParam(defaultValue = "FAILED") WebhookDelivery.Status status,
                               @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit=" + limit + " must be from 1 to 1000");
        }
        return deliveries.list(status, limit);
    }

    @PostMapping("/{id}/retry")
    WebhookDelivery retry(@PathVariable long id) {
        if (!deliveries.retry(id, clock.instant())) {
            WebhookDelivery delivery = deliveries.find(id).orElseThrow(() -> new NoSuchDeliveryException(id));
            throw new DeliveryNotFailedException(delivery);
        }
        return deliveries.find(id).orElseThrow(() -> new NoSuchDeliveryException(id));
    }

    /** No delivery has that id (or it was delivered long ago and purged). */
    public static class NoSuchDeliveryException extends RuntimeException {
        NoSuchDeliveryException(long id) {
            super("no webhook delivery " + id + "; delivered ones are kept for caretaker.webhooks.keep-delivered");
        }
    }

    /** Only a given-up delivery can be sent again; a waiting one will be, a delivered one was. */
    public static class DeliveryNotFailedException extends RuntimeException {
        DeliveryNotFailedException(WebhookDelivery delivery) {
            super("webhook delivery " + delivery.id() + " is " + delivery.status() + ", not FAILED; only a given-up delivery can be retried");
        }
    }
}
