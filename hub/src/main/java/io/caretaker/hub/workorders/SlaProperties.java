package io.caretaker.hub.workorders;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The SLA targets per tier ({@code caretaker.sla.tiers.MAJOR.respond=2h}) and for the follow-up call after completion
 * ({@code caretaker.sla.follow-up=3wd}), and the share of an allowance after which a clock is near breach
 * ({@code caretaker.sla.near-breach-at=0.8}), and how soon a fault returning after its work order was closed counts as a
 * repeat repair ({@code caretaker.sla.repeat-window=7d}); the defaults in application.yml are DOMAIN.md's rules.
 */
@Validated
@ConfigurationProperties("caretaker.sla")
public record SlaProperties(@NotNull Map<Tier, Targets> tiers, @NotNull SlaTarget followUp,
                            @DecimalMin("0.1") @DecimalMax("1.0") double nearBreachAt, @NotNull Duration repeatWindow) {

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
