package io.caretaker.hub.ingest;

import io.caretaker.connectors.mqtt.MalformedPayloadException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The one error handling shared by every route: a message that fails is set aside in {@link DeadLetters},
 * counted per device and cause, logged at most once a minute per device, and the route keeps going.
 */
@Component
class ErrorHandling extends RouteConfigurationBuilder {

    private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

    private final DeadLetters deadLetters;
    private final Clock clock;

    ErrorHandling(DeadLetters deadLetters, Clock clock) {
        this.deadLetters = deadLetters;
        this.clock = clock;
    }

    @Override
    public void configuration() {
        routeConfiguration().onException(Exception.class).handled(true).process(this::setAside);
    }

    private void setAside(Exchange exchange) {
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String route = exchange.getFromRouteId();
        String device = e instanceof MalformedPayloadException m ? m.deviceId() : String.valueOf(route).replaceFirst("^[a-z0-9]+-", "");
        String cause = e instanceof MalformedPayloadException m ? m.reason().wireName() : e.getClass().getSimpleName();
        byte[] payload = exchange.getMessage().getBody(byte[].class);
        String start = payload == null ? null : new String(payload, 0, Math.min(payload.length, 200), StandardCharsets.UTF_8);
        var letter = new DeadLetters.DeadLetter(device, route, cause, e.getMessage(), clock.instant(), start);
        if (deadLetters.add(letter)) {
            log.warn("message set aside device={} route={} cause={} detail={} (logged at most once a minute per device; see /api/dead-letters)",
                    device, route, cause, e.getMessage());
        }
    }
}
