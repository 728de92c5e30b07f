package io.caretaker.hub.utilisation;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Utilisation and idle findings ({@code caretaker.utilisation.*}). A device's running state is trusted for
 * {@code staleAfter} after it was last heard (or its profile's shortest no-data time, if shorter), then unknown.
 * The site is occupied on working days from {@code occupied.from} to {@code occupied.to}, unless its site file gives
 * its own hours ({@code site.occupied}).
 */
@Validated
@ConfigurationProperties("caretaker.utilisation")
public record UtilisationProperties(@DefaultValue("10m") Duration staleAfter,
                                    @DefaultValue Occupied occupied,
                                    @DefaultValue Idle idle) {

    /** The occupied hours on working days, local time, of a site whose site file gives none. */
    public record Occupied(@DefaultValue("08:00") LocalTime from, @DefaultValue("20:00") LocalTime to) {
        public Occupied {
            if (from != null && to != null && !to.isAfter(from)) {
                throw new IllegalArgumentException("caretaker.utilisation.occupied: to (" + to + ") must be after from (" + from + ")");
            }
        }
    }

    /**
     * When an idle finding opens an IDLE_REVIEW work order: no running at all in {@code neverRanDays} days; more than
     * {@code unoccupiedRun} of running outside occupied hours in a day (devices whose profile says occupiedOnly); a duty
     * cycle over {@code peerDays} days below {@code belowPeers} times the median of at least {@code minPeers} devices of
     * the same profile, when that median is at least {@code minPeerDutyCycle}.
     */
    public record Idle(@DefaultValue("7") @Min(1) int neverRanDays,
                       @DefaultValue("1h") Duration unoccupiedRun,
                       @DefaultValue("7") @Min(1) int peerDays,
                       @DefaultValue("0.25") @DecimalMin("0.0") @DecimalMax("1.0") double belowPeers,
                       @DefaultValue("2") @Min(1) int minPeers,
                       @DefaultValue("0.05") @DecimalMin("0.0") @DecimalMax("1.0") double minPeerDutyCycle) {
    }
}
