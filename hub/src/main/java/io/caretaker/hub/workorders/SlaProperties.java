package io.caretaker.hub.workorders;

import jakarta.validation.constraints.NotNull;
import java.util.EnumSet;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The SLA targets per tier ({@code caretaker.sla.tiers.MAJOR.respond=2h}); the defaults in application.yml are
 * DOMAIN.md's tier table.
 */
@Validated
@ConfigurationProperties("caretaker.sla")
public record SlaProperties(@NotNull Map<Tier, Targets> tiers) {

    public SlaProperties {
        if (tiers != null && !tiers.keySet().containsAll(EnumSet.allOf(Tier.class))) {
            throw new IllegalArgumentException("caretaker.sla.tiers must give targets for every tier "
                    + EnumSet.allOf(Tier.class) + "; missing " + EnumSet.complementOf(EnumSet.copyOf(tiers.keySet())));
        }
    }

    public Targets of(Tier tier) {
        return tiers.get(tier);
    }

    /** Dispatch, respond and resolve allowances of one tier. */
    public record Targets(@NotNull SlaTarget dispatch, @NotNull SlaTarget respond, @NotNull SlaTarget resolve) {
    }
}
