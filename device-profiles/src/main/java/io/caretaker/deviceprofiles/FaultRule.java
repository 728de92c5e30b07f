package io.caretaker.deviceprofiles;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A fault a device type can have, declared in its profile; each active fault is one alarm. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = FaultRule.Threshold.class, name = "threshold"),
        @JsonSubTypes.Type(value = FaultRule.NoData.class, name = "no-data"),
        @JsonSubTypes.Type(value = FaultRule.Expression.class, name = "expression")
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

    /**
     * A condition over several points of a device ({@code when}, a {@link RuleExpression}) that must hold for
     * {@code for}; it clears when {@code clear.when} holds (or, without it, when {@code when} no longer holds) for
     * {@code clear.for}. While {@code only} (optional) does not hold the rule cannot be weighed: its verdict and a running
     * delay stand as they were, as for a test that can only be made in some states (a closed valve's leak). {@code
     * parameters} are the named numbers the expressions use (sensor errors, limits), which may be set per device.
     */
    record Expression(String id, String when, String only, Map<String, Double> parameters,
                      @JsonProperty("for") Duration forDuration, Clear clear,
                      Severity severity, String message) implements FaultRule {

        public Expression {
            parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
            if (forDuration == null) {
                forDuration = Duration.ZERO;
            }
        }

        /** The same rule with some parameters set otherwise (a site's values for one device). */
        public Expression withParameters(Map<String, Double> overrides) {
            Map<String, Double> merged = new LinkedHashMap<>(parameters);
            overrides.forEach((name, value) -> {
                if (merged.containsKey(name)) {
                    merged.put(name, value);
                }
            });
            return new Expression(id, when, only, merged, forDuration, clear, severity, message);
        }

        /** The off delay: how long the clear condition must hold. */
        public Duration clearDelay() {
            return clear == null ? Duration.ZERO : clear.forDuration();
        }

        /** The return-to-normal condition and how long it must hold; without {@code when}, the raise condition's end. */
        public record Clear(String when, @JsonProperty("for") Duration forDuration) {

            public Clear {
                if (forDuration == null) {
                    forDuration = Duration.ZERO;
                }
            }
        }
    }
}
