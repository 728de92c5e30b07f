package io.caretaker.hub.workorders;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often ({@code caretaker.workorders.sweep-every}) annunciated alarms that no work order answers are looked for
 * and get their CORRECTIVE work order: those whose opening failed, or that the hub stopped before opening.
 */
@ConfigurationProperties("caretaker.workorders")
public record CorrectiveWorkOrderProperties(@DefaultValue("1m") Duration sweepEvery) {

    public CorrectiveWorkOrderProperties {
        if (sweepEvery.isNegative() || sweepEvery.isZero()) {
            throw new IllegalArgumentException("caretaker.workorders.sweep-every must be positive, e.g. 1m; was " + sweepEvery);
        }
    }
}
