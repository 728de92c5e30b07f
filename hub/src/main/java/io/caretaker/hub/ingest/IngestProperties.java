package io.caretaker.hub.ingest;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The ingest queue between connectors and rules ({@code caretaker.ingest.*}): its bound, and how often the
 * rules see the clock tick (no-data and delayed conditions are decided on a tick).
 */
@Validated
@ConfigurationProperties("caretaker.ingest")
public record IngestProperties(@DefaultValue("10000") @Min(100) int queueSize,
                               @DefaultValue("1s") Duration tick) {
}
