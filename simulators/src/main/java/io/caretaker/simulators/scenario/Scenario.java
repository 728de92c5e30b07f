package io.caretaker.simulators.scenario;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What happens to which simulated devices when, counted from the scenario's start in simulated time. {@code seed}
 * makes a run repeatable; {@code acceleration} is simulated seconds per real second; {@code start} is the simulated
 * instant the run begins at (null: now).
 */
public record Scenario(String name, long seed, double acceleration, Instant start, List<Step> steps) {

    public Scenario {
        steps = List.copyOf(steps);
    }

    /**
     * At {@code at} after the start, the behaviour begins ({@code end} false) or ends, on one device or on every
     * device of a profile; a begin with {@code forDuration} ends by itself that much later.
     */
    public record Step(Duration at, String device, String profile, String behaviour, Duration forDuration, boolean end) {

        /** Whom the step is about, as the scenario file says it. */
        public String target() {
            return device != null ? device : "profile " + profile;
        }
    }
}
