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
    record Change(Instant at, Duration offset, DeviceModel device, String behaviour, boolean end) {
    }

    private final Scenario scenario;
    private final List<Change> timeline = new ArrayList<>();
    private int next;

    /**
     * @param start   the simulated instant the scenario's {@code at}s count from
     * @param devices the simulated devices by id
     * @throws IllegalArgumentException naming a step whose device, profile or behaviour is not simulated
     */
    public ScenarioPlayer(Scenario scenario, Instant start, Map<String, DeviceModel> devices) {
        this.scenario = scenario;
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
                timeline.add(new Change(start.plus(step.at()), step.at(), device, b, step.end()));
                if (step.forDuration() != null) {
                    Duration until = step.at().plus(step.forDuration());
                    timeline.add(new Change(start.plus(until), until, device, b, true));
                }
            }
        }
        // stable: at one instant, changes keep the file's order
        timeline.sort(Comparator.comparing(Change::at));
        log.info("scenario loaded name={} seed={} acceleration={} changes={}", scenario.name(), scenario.seed(),
                scenario.acceleration(), timeline.size());
    }

    public Scenario scenario() {
        return scenario;
    }

    /**
     * Applies every change due by {@code now}; the messages a change sends go to {@code send} with the device.
     * Returns how many changes were applied.
     */
    public synchronized int playUntil(Instant now, BiConsumer<DeviceModel, List<Outgoing>> send) {
        int applied = 0;
        while (next < timeline.size() && !timeline.get(next).at().isAfter(now)) {
            Change change = timeline.get(next++);
            log.info("scenario step name={} at={} device={} behaviour={} {}", scenario.name(), change.offset(),
                    change.device().deviceId(), change.behaviour(), change.end() ? "ends" : "begins");
            List<Outgoing> out = change.end()
                    ? change.device().end(change.behaviour(), change.at())
                    : change.device().begin(change.behaviour(), change.at());
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
