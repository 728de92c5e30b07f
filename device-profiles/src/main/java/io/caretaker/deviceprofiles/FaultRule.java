package io.caretaker.deviceprofiles;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Duration;

/** A fault a device type can have, declared in its profile; each active fault is one alarm. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = FaultRule.Threshold.class, name = "threshold"),
        @JsonSubTypes.Type(value = FaultRule.NoData.class, name = "no-data")
})
public sealed interface FaultRule {

    String id();

    Severity severity();

    String message();

    /**
     * A point above or below a limit for at least {@code for}; it clears when {@code clear} holds for its
     * own {@code for} (hysteresis), or, without {@code clear}, when the raise condition no longer holds.
     */
    record Threshold(String id, String point, Double above, Double below,
                     @JsonProperty("for") Duration forDuration, Clear clear,
                     Severity severity, String message) implements FaultRule {

        public Threshold {
            if (forDuration == null) {
                forDuration = Duration.ZERO;
            }
        }

        public boolean raises(double value) {
            return (above != null && value > above) || (below != null && value < below);
        }

        public boolean clears(double value) {
            if (clear == null) {
                return !raises(value);
            }
            return (clear.above() == null || value > clear.above()) && (clear.below() == null || value < clear.below());
        }

        /** The return-to-normal condition: the value back past its own limits. */
        public record Clear(Double above, Double below, @JsonProperty("for") Duration forDuration) {

            public Clear {
                if (forDuration == null) {
                    forDuration = Duration.ZERO;
                }
            }
        }
    }

    /** The device sent nothing (no sample, or only COMM_LOSS from its connector) for {@code after}. */
    record NoData(String id, Duration after, Severity severity, String message) implements FaultRule {
    }
}
