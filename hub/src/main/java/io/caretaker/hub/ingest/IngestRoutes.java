package io.caretaker.hub.ingest;

import java.time.Clock;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The bounded queue every connector feeds ({@code seda:telemetry}), the route that ingests it, and the clock
 * tick for the rules.
 */
@Component
class IngestRoutes extends RouteBuilder {

    static final String TELEMETRY = "seda:telemetry";

    private final Ingest ingest;
    private final IngestProperties properties;
    private final Clock clock;

    IngestRoutes(Ingest ingest, IngestProperties properties, Clock clock) {
        this.ingest = ingest;
        this.properties = properties;
        this.clock = clock;
    }

    /** Producers block when the queue is full rather than drop or grow without bound. */
    static String telemetryQueue(int size) {
        return TELEMETRY + "?size=" + size + "&blockWhenFull=true";
    }

    @Override
    public void configure() {
        from(telemetryQueue(properties.queueSize())).routeId("ingest-telemetry")
                .process(exchange -> ingest.accept(exchange.getMessage().getBody()));

        from("timer:rules-tick?period=" + properties.tick().toMillis()).routeId("rules-tick")
                .process(exchange -> exchange.getMessage().setBody(new Tick(clock.instant())))
                .to(telemetryQueue(properties.queueSize()));
    }
}
