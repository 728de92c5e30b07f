package io.caretaker.simulators.scenario;

import io.caretaker.simulators.SimulatedDevice.Behaviour;
import java.time.Duration;
import java.util.List;

/** What happens to which simulated device when, counted from the scenario's start. */
public record Scenario(String name, List<Step> steps) {

    public Scenario {
        steps = List.copyOf(steps);
    }

    /** At {@code at} after the start, {@code device} starts to behave as {@code behaviour}. */
    public record Step(Duration at, String device, Behaviour behaviour) {
    }
}
