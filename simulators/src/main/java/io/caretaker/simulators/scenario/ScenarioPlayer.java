package io.caretaker.simulators.scenario;

import io.caretaker.simulators.model.DeviceModel;
import io.caretaker.simulators.model.Outgoing;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays a scenario on simulated time: each step, and the end of each step with a {@code for}, happens once the
 * simulation's clock reaches it, whether that clock runs in real time, faster, or is stepped by a test.
 */
public final class ScenarioPlayer {

    private static final Logger log = LoggerFactory.getLogger(ScenarioPlayer.class);

    /** One change on one device at one instant. */
    record Change(Duration offset, DeviceModel device, String behaviour, boolean end) {
    }

    private final Scenario scenario;
    private final List<Change> timeline = new ArrayList<>();
    private int next;
    private Instant start;

    /**
     * @param start   the simulated instant the scenario's {@code at}s count from
     * @param devices the simulated devices by id
     * @throws IllegalArgumentException naming a step whose device, profile or behaviour is not simulated
     */
    public ScenarioPlayer(Scenario scenario, Instant start, Map<String, DeviceModel> devices) {
        this.scenario = scenario;
        this.start = start;
        for (Scenario.Step step : scenario.steps()) {
            List<DeviceModel> targets = step.device() != null
                    ? (devices.containsKey(step.device()) ? List.of(devices.get(step.device())) : List.of())
                    : devices.values().stream().filter(d -> d.profile().id().equals(step.profile())).toList();
            if (targets.isEmpty()) {
                throw new IllegalArgumentException("scenario " + scenario.name() + " at " + step.at() + " names "
                        + step.target() + ", which is not simulated; simulated devices: " + devices.keySet());
            }
            for (DeviceModel device : targets) {
                String b = step.behaviour();
                if (!b.equalsIgnoreCase("NORMAL") && !b.equalsIgnoreCase("SILENT") && !device.knownBehaviours().contains(b)) {
                    throw new IllegalArgumentException("scenario " + scenario.name() + " at " + step.at() + ": device "
                            + device.deviceId() + " (profile " + device.profile().id() + ") has no behaviour '" + b
                            + "'; it knows NORMAL, SILENT and " + device.knownBehaviours());
                }
                timeline.add(new Change(step.at(), device, b, step.end()));
                if (step.forDuration() != null) {
                    timeline.add(new Change(step.at().plus(step.forDuration()), device, b, true));
                }
            }
        }
        // stable: at one instant, changes keep the file's order
        timeline.sort(Comparator.comparing(Change::offset));
        log.info("scenario loaded name={} seed={} acceleration={} changes={}", scenario.name(), scenario.seed(),
                scenario.acceleration(), timeline.size());
    }

    public Scenario scenario() {
        return scenario;
    }

    /**
     * Counts the changes not yet played from {@code newStart}: a simulator that runs before its hub is ready plays the
     * steps at 0 s at once (the state the site starts in) and the rest from when the hub is ready.
     */
    public synchronized void restartFrom(Instant newStart) {
        this.start = newStart;
    }

    /**
     * Applies every change due by {@code now}; the messages a change sends go to {@code send} with the device.
     * Returns how many changes were applied.
     */
    public synchronized int playUntil(Instant now, BiConsumer<DeviceModel, List<Outgoing>> send) {
        int applied = 0;
        while (next < timeline.size() && !start.plus(timeline.get(next).offset()).isAfter(now)) {
            Change change = timeline.get(next++);
            Instant at = start.plus(change.offset());
            log.info("scenario step name={} at={} device={} behaviour={} {}", scenario.name(), change.offset(),
                    change.device().deviceId(), change.behaviour(), change.end() ? "ends" : "begins");
            List<Outgoing> out = change.end()
                    ? change.device().end(change.behaviour(), at)
                    : change.device().begin(change.behaviour(), at);
            send.accept(change.device(), out);
            applied++;
        }
        return applied;
    }

    /** Whether every change has happened. */
    public synchronized boolean finished() {
        return next >= timeline.size();
    }
}
