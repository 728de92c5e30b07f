package io.caretaker.deviceprofiles;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a simulator plays a device of this type, so a profile gives a simulated device without Java code: a model
 * per point, the messages the device sends by itself, and named behaviours (faults, idle habits) a scenario
 * switches on and off. See device-profiles/README.md, "Simulation".
 *
 * <ul>
 *   <li>{@code every}: how often the device's values change and an MQTT device publishes its state (default 5s).</li>
 *   <li>{@code points}: point id to its model; a point without a model keeps the first value of its range, or 0/false/"".</li>
 *   <li>{@code messages}: raw payloads the device sends now and then (card reads, detections), beside its state.</li>
 *   <li>{@code behaviours}: name to what changes while the behaviour is on.</li>
 * </ul>
 */
public record Simulation(Duration every, Map<String, PointModel> points, List<Message> messages,
                         Map<String, Behaviour> behaviours) {

    public Simulation {
        if (every == null) {
            every = Duration.ofSeconds(5);
        }
        points = points == null ? Map.of() : new LinkedHashMap<>(points);
        messages = messages == null ? List.of() : List.copyOf(messages);
        behaviours = behaviours == null ? Map.of() : new LinkedHashMap<>(behaviours);
    }

    /**
     * How one point's value comes about. Exactly one generator ({@code value} alone, {@code follow}, {@code copy},
     * {@code integrate}, {@code count}, {@code schedule}, {@code cycle}, {@code pulse}) and any modifiers
     * ({@code noise}, {@code wave}, {@code drift}, {@code hold}, {@code set}).
     *
     * @param value     a constant; with schedule, the value outside every slot
     * @param follow    approach this point's value (first-order lag with time constant {@code lag}), plus {@code offset};
     *                  while the boolean point {@code whileOn} is false, approach {@code otherwise} instead (with any
     *                  other generator, {@code whileOn} false gives {@code otherwise})
     * @param copy      the value of another point
     * @param integrate add this point's value × {@code perHour} per hour (energy from power, filter load from run status)
     * @param count     add one on each rising edge of this boolean point (passages, starts)
     * @param start     the first value of a follow, integrate or count
     * @param schedule  local-time slots of the site ({@code from}, {@code to} as HH:mm) with their value
     * @param cycle     true for {@code on} at the start of every {@code period}: a deterministic duty cycle
     * @param pulse     true for {@code for} at random moments, on average once per {@code every}
     * @param noise     standard deviation of Gaussian noise added to a number
     * @param wave      a sine of {@code amplitude} and {@code period} added to a number (peaks at {@code period}/4)
     * @param drift     added per hour since the behaviour began (a drifting sensor)
     * @param hold      true: stays at the value it had when the behaviour began (a flat-lined sensor)
     * @param set       when the behaviour begins, the value jumps here and the model goes on from it (a counter reset)
     * @param invert    true: a boolean the other way round (a door contact that is closed except while it pulses open)
     *
     * <p>{@code lag} also smooths {@code value}, {@code schedule} and {@code copy}: a number approaches them
     * rather than jumping.
     */
    public record PointModel(Object value, String follow, Duration lag, Double offset,
                             @JsonProperty("while") String whileOn, Double otherwise,
                             String copy, String integrate, Double perHour, String count, Double start,
                             List<Slot> schedule, Cycle cycle, Pulse pulse,
                             Double noise, Wave wave, Double drift, Boolean hold, Double set, Boolean invert) {

        public PointModel {
            schedule = schedule == null ? List.of() : List.copyOf(schedule);
        }

        /** Whether this model says where values come from, rather than only changing another model's values. */
        public boolean generates() {
            return value != null || follow != null || copy != null || integrate != null || count != null
                    || !schedule.isEmpty() || cycle != null || pulse != null;
        }

        /** The points this model reads. */
        public List<String> reads() {
            return java.util.stream.Stream.of(follow, whileOn, copy, integrate, count)
                    .filter(java.util.Objects::nonNull).toList();
        }

        /**
         * This model as a behaviour changes {@code normal}: one with a generator replaces it; one with only
         * modifiers keeps its generator and adds or replaces the modifiers.
         */
        public PointModel over(PointModel normal) {
            if (generates() || normal == null) {
                return this;
            }
            return new PointModel(normal.value, normal.follow, normal.lag, normal.offset, normal.whileOn, normal.otherwise,
                    normal.copy, normal.integrate, normal.perHour, normal.count, normal.start, normal.schedule,
                    normal.cycle, normal.pulse,
                    noise != null ? noise : normal.noise, wave != null ? wave : normal.wave,
                    drift != null ? drift : normal.drift, hold != null ? hold : normal.hold, set,
                    invert != null ? invert : normal.invert);
        }
    }

    /**
     * A slot of a daily schedule in the site's local time; {@code to} before {@code from} runs past midnight. {@code days}
     * (default every day) keeps it to the site calendar's working or non-working days.
     */
    public record Slot(String from, String to, Object value, FaultRule.Schedule.Days days) {

        public Slot {
            if (days == null) {
                days = FaultRule.Schedule.Days.EVERY_DAY;
            }
        }
    }

    /** On for {@code on} at the start of every {@code period}. */
    public record Cycle(Duration period, Duration on) {
    }

    /** On for {@code forDuration} at random moments, on average once per {@code every}. */
    public record Pulse(Duration every, @JsonProperty("for") Duration forDuration) {
    }

    /** A sine wave added to a number. */
    public record Wave(double amplitude, Duration period) {
    }

    /**
     * A payload the device sends: {@code text} with {@code {device}}, {@code {time}} (ISO-8601, simulated time),
     * {@code {epoch}} (seconds) and {@code {n}} (a random 4-digit number) filled in, on {@code topic} (default the
     * device's first topic; {@code {id}} is its topic id), on average once per {@code every}.
     */
    public record Message(Duration every, String topic, String text) {
    }

    /**
     * What changes while a behaviour is on: point models (see {@link PointModel#over}), payloads sent when it begins
     * ({@code onStart}) and ends ({@code onEnd}), and {@code messages} sent while it lasts.
     */
    public record Behaviour(String description, Map<String, PointModel> points, List<Message> onStart,
                            List<Message> onEnd, List<Message> messages) {

        public Behaviour {
            points = points == null ? Map.of() : new LinkedHashMap<>(points);
            onStart = onStart == null ? List.of() : List.copyOf(onStart);
            onEnd = onEnd == null ? List.of() : List.copyOf(onEnd);
            messages = messages == null ? List.of() : List.copyOf(messages);
        }
    }
}
