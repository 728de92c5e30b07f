package io.caretaker.simulators.scenario;

import io.caretaker.simulators.SimulatedDevice;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Plays a scenario against simulated devices in real time, one step at its moment. */
public final class ScenarioRunner implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ScenarioRunner.class);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "scenario");
        t.setDaemon(true);
        return t;
    });

    /** @throws IllegalArgumentException naming a step whose device is not simulated */
    public ScenarioRunner(Scenario scenario, Map<String, ? extends SimulatedDevice> devices) {
        for (Scenario.Step step : scenario.steps()) {
            if (!devices.containsKey(step.device())) {
                throw new IllegalArgumentException("scenario " + scenario.name() + " names device '" + step.device()
                        + "', which is not simulated; simulated: " + devices.keySet());
            }
        }
        log.info("scenario started name={} steps={}", scenario.name(), scenario.steps().size());
        for (Scenario.Step step : scenario.steps()) {
            timer.schedule(() -> {
                log.info("scenario step name={} at={} device={} behaviour={}", scenario.name(), step.at(), step.device(), step.behaviour());
                devices.get(step.device()).behave(step.behaviour());
            }, step.at().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
