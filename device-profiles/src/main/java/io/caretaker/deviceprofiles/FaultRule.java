package io.caretaker.deviceprofiles;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A fault a device type can have, declared in its profile; each active fault is one alarm. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = FaultRule.Threshold.class, name = "threshold"),
        @JsonSubTypes.Type(value = FaultRule.NoData.class, name = "no-data"),
        @JsonSubTypes.Type(value = FaultRule.FlatLine.class, name = "flat-line"),
        @JsonSubTypes.Type(value = FaultRule.RateOfChange.class, name = "rate-of-change"),
        @JsonSubTypes.Type(value = FaultRule.Spike.class, name = "spike"),
        @JsonSubTypes.Type(value = FaultRule.CommandFeedback.class, name = "command-feedback"),
        @JsonSubTypes.Type(value = FaultRule.CounterBackwards.class, name = "counter-backwards"),
        @JsonSubTypes.Type(value = FaultRule.Starts.class, name = "starts"),
        @JsonSubTypes.Type(value = FaultRule.Event.class, name = "event"),
        @JsonSubTypes.Type(value = FaultRule.Expression.class, name = "expression")
})
public sealed interface FaultRule {

    String id();

    Severity severity();

    String message();

    /** When the rule is evaluated at all (occupied hours, nights); null: always. */
    default Schedule schedule() {
        return null;
    }

    /** The plant condition that suppresses this rule's alarm by design (fan off); null: none. */
    default SuppressWhen suppressWhen() {
        return null;
    }

    /**
     * A point above or below a limit for at least {@code for} (on delay); it clears when {@code clear} holds for
     * its own {@code for} (off delay), or, without clear limits, when the value is back inside the raise limits by
     * {@code deadband}.
     */
    record Threshold(String id, String point, Double above, Double below,
                     @JsonProperty("for") Duration forDuration, Clear clear,
                     Severity severity, String message,
                     Double deadband, Schedule schedule, SuppressWhen suppressWhen) implements FaultRule {

        public Threshold {
            if (forDuration == null) {
                forDuration = Duration.ZERO;
            }
            if (deadband == null) {
                deadband = 0.0;
            }
        }

        public Threshold(String id, String point, Double above, Double below, Duration forDuration, Clear clear,
                         Severity severity, String message) {
            this(id, point, above, below, forDuration, clear, severity, message, null, null, null);
        }

        public boolean raises(double value) {
            return (above != null && value > above) || (below != null && value < below);
        }

        public boolean clears(double value) {
            if (clear == null || (clear.above() == null && clear.below() == null)) {
                if (deadband == 0) {
                    return !raises(value);
                }
                return (above == null || value <= above - deadband) && (below == null || value >= below + deadband);
            }
            return (clear.above() == null || value > clear.above()) && (clear.below() == null || value < clear.below());
        }

        /** The off delay: how long the clear condition must hold. */
        public Duration clearDelay() {
            return clear == null ? Duration.ZERO : clear.forDuration();
        }

        /** The return-to-normal condition: the value back past its own limits, for its own time. */
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

    /** A stuck sensor: the point moved less than {@code tolerance} (max − min) over a whole {@code window}. */
    record FlatLine(String id, String point, Double tolerance, Duration window,
                    Severity severity, String message, Schedule schedule, SuppressWhen suppressWhen) implements FaultRule {
    }

    /**
     * The point rose by more than {@code rise}, or fell by more than {@code fall}, within {@code window}; it clears
     * once the change over the window is back within both.
     */
    record RateOfChange(String id, String point, Double rise, Double fall, Duration window,
                        Severity severity, String message, Schedule schedule, SuppressWhen suppressWhen) implements FaultRule {
    }

    /**
     * A lone sample more than {@code jump} away from both its neighbours, in the same direction (a glitch, not a
     * step); it clears after {@code clearAfter} without another spike.
     */
    record Spike(String id, String point, Double jump, Duration clearAfter,
                 Severity severity, String message, SuppressWhen suppressWhen) implements FaultRule {

        public Spike {
            if (clearAfter == null) {
                clearAfter = Duration.ofHours(1);
            }
        }
    }

    /**
     * The {@code feedback} point disagrees with the {@code command} point (by more than {@code tolerance}; booleans
     * count as 1 and 0) for {@code for}: commanded on but not running, or running without a command.
     */
    record CommandFeedback(String id, String command, String feedback, Double tolerance,
                           @JsonProperty("for") Duration forDuration,
                           Severity severity, String message, Schedule schedule, SuppressWhen suppressWhen) implements FaultRule {

        public CommandFeedback {
            if (tolerance == null) {
                tolerance = 0.0;
            }
            if (forDuration == null) {
                forDuration = Duration.ZERO;
            }
        }
    }

    /**
     * A counter (energy, volume, starts) read lower than before by more than {@code tolerance}: a meter reset,
     * replaced or rolled back. It clears after {@code clearAfter} without another step back.
     */
    record CounterBackwards(String id, String point, Double tolerance, Duration clearAfter,
                            Severity severity, String message, SuppressWhen suppressWhen) implements FaultRule {

        public CounterBackwards {
            if (tolerance == null) {
                tolerance = 0.0;
            }
            if (clearAfter == null) {
                clearAfter = Duration.ofHours(1);
            }
        }
    }

    /**
     * Short-cycling: more than {@code max} starts of the boolean running {@code point} (each off to on) within
     * {@code within}. It clears once the starts within {@code within} are back to {@code max} or fewer.
     */
    record Starts(String id, String point, Integer max, Duration within,
                  Severity severity, String message) implements FaultRule {
    }

    /**
     * A device event (fire alarm, door forced, camera tamper), optionally only those whose attributes have one of
     * the listed values; with {@code for}, only once one of them has gone that long without its restore (a zone
     * isolation left on). It clears when every event it saw has ended (the device's restore message) or, with
     * {@code clearAfter}, after that long without a recurrence, whichever comes first.
     */
    record Event(String id, String event, Map<String, List<String>> where, Duration clearAfter,
                 @JsonProperty("for") Duration forDuration,
                 Severity severity, String message) implements FaultRule {

        public Event {
            where = where == null ? Map.of() : Map.copyOf(where);
            if (forDuration == null) {
                forDuration = Duration.ZERO;
            }
        }

        public Event(String id, String event, Map<String, List<String>> where, Duration clearAfter,
                     Severity severity, String message) {
            this(id, event, where, clearAfter, null, severity, message);
        }

        public boolean matches(String type, Map<String, Object> attributes) {
            if (!event.equals(type)) {
                return false;
            }
            return where.entrySet().stream().allMatch(w -> {
                Object value = attributes.get(w.getKey());
                return value != null && w.getValue().contains(String.valueOf(value));
            });
        }
    }

    /**
     * A daily window in the site's time zone, on some days of the site's calendar; {@code from} after {@code to}
     * runs over midnight (22:00–06:00), the days then counting from the evening the window opens.
     */
    record Schedule(Days days, @JsonFormat(pattern = "HH:mm") LocalTime from, @JsonFormat(pattern = "HH:mm") LocalTime to) {

        public Schedule {
            if (days == null) {
                days = Days.EVERY_DAY;
            }
        }

        /**
         * The day the window {@code from}–{@code to} holding {@code local} opened on: that day, or the day before for
         * the hours after midnight of a window that runs over it; empty outside the window. {@code from} equal to
         * {@code to} is a window over the whole day.
         */
        public static Optional<LocalDate> openedOn(LocalDateTime local, LocalTime from, LocalTime to) {
            LocalTime time = local.toLocalTime();
            if (from.isBefore(to)) {
                return time.isBefore(from) || !time.isBefore(to) ? Optional.empty() : Optional.of(local.toLocalDate());
            }
            if (!time.isBefore(from)) {
                return Optional.of(local.toLocalDate());
            }
            // after midnight: the window opened the evening before
            return time.isBefore(to) ? Optional.of(local.toLocalDate().minusDays(1)) : Optional.empty();
        }

        /** Which days of the site's calendar the window is open on. */
        public enum Days {
            EVERY_DAY,
            WORKING,
            NON_WORKING;

            /** Whether a day that is (or is not) a working day on the site's calendar is one of these days. */
            public boolean includes(boolean workingDay) {
                return switch (this) {
                    case EVERY_DAY -> true;
                    case WORKING -> workingDay;
                    case NON_WORKING -> !workingDay;
                };
            }

            @JsonValue
            public String wireName() {
                return name().toLowerCase(Locale.ROOT).replace('_', '-');
            }
        }
    }

    /**
     * The plant state that makes this rule's alarm meaningless: {@code point} is {@code is} (a boolean), or below
     * or above a number. Suppression lasts {@code settle} longer once the plant is back, while it settles.
     */
    record SuppressWhen(String point, Boolean is, Double below, Double above, Duration settle) {

        public SuppressWhen {
            if (settle == null) {
                settle = Duration.ZERO;
            }
        }

        public boolean suppresses(double value) {
            if (is != null) {
                return (value != 0) == is;
            }
            return (below != null && value < below) || (above != null && value > above);
        }
    }

    /**
     * A condition over several points of a device ({@code when}, a {@link RuleExpression}) that must hold for
     * {@code for}; it clears when {@code clear.when} holds (or, without it, when {@code when} no longer holds) for
     * {@code clear.for}. While {@code only} (optional) does not hold the rule cannot be weighed: its verdict and a running
     * delay stand as they were, as for a test that can only be made in some states (a closed valve's leak); once it holds,
     * the rule is weighed only after it has held for {@code settle} (Guideline 36's mode delay: a coil that has just
     * closed is still cold, a duct still warm). {@code parameters} are the named numbers the expressions use (sensor errors, limits), which may be set per device.
     */
    record Expression(String id, String when, String only, Duration settle, Map<String, Double> parameters,
                      @JsonProperty("for") Duration forDuration, Clear clear,
                      Severity severity, String message) implements FaultRule {

        public Expression {
            parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
            if (settle == null) {
                settle = Duration.ZERO;
            }
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
            return new Expression(id, when, only, settle, merged, forDuration, clear, severity, message);
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
