package io.caretaker.hub.demo;

import io.caretaker.deviceprofiles.DeviceProfile;
import io.caretaker.deviceprofiles.ProfileCatalog;
import io.caretaker.deviceprofiles.canonical.PointSample;
import io.caretaker.deviceprofiles.canonical.Value;
import io.caretaker.deviceprofiles.site.InstalledDevice;
import io.caretaker.deviceprofiles.site.Site;
import io.caretaker.hub.utilisation.RunTracker;
import io.caretaker.simulators.model.DeviceModel;
import io.caretaker.simulators.scenario.Scenario;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * The demo's past days. Idle equipment shows over days (a pump that never ran in a week, an air handler that ran all
 * last night), so before the hub hears the live devices, the devices it follows for running (profiles with a
 * {@code utilisation} section) are played over the last {@code days} whole days up to now: the same simulator models
 * and seed as the live demo, with the idle habits of the scenario (its behaviours from 0 s that never end), on the
 * simulated time of those days. Each device's running point goes to the run tracker as the hub hears it live: polled
 * (Modbus), or pushed at the device's pace and at once when it changes. Only utilisation is filled: no alarms, work
 * orders or point history. A device the store already knows (the demo restarted on the same database) is not filled
 * again. Devices are played side by side, one per core: each has its own model, and the tracker keeps each device's
 * state apart, so every device's samples reach it in the same order as when they were played one after another.
 */
final class DemoHistory {

    /** The live simulator's step: it looks at every device once a second. */
    private static final Duration STEP = Duration.ofSeconds(1);

    private DemoHistory() {
    }

    /** Fills the days before {@code until}; returns the devices filled. */
    static List<String> fill(Site site, ProfileCatalog profiles, Scenario scenario, RunTracker tracker, Predicate<LocalDate> workingDay,
                             Instant until, int days) {
        if (days <= 0) {
            return List.of();
        }
        ZoneId zone = site.timeZone();
        Instant from = until.atZone(zone).toLocalDate().minusDays(days).atStartOfDay(zone).toInstant();
        List<String> filled = new ArrayList<>();
        List<Runnable> plays = new ArrayList<>();
        for (String deviceId : tracker.tracked()) {
            InstalledDevice installed = site.device(deviceId).orElseThrow();
            DeviceProfile profile = profiles.get(installed.profile());
            if (profile.simulate() == null || tracker.firstDay(deviceId).isPresent()) {
                continue;
            }
            filled.add(deviceId);
            plays.add(() -> {
                DeviceModel device = new DeviceModel(deviceId, installed.connection().topicId(), profile, zone, workingDay, scenario.seed(), from);
                for (Scenario.Step step : scenario.steps()) {
                    if (isHabit(step, installed)) {
                        device.begin(step.behaviour(), from);
                    }
                }
                // how the hub hears from it: polled at its poll interval (Modbus), or at its pace and at once on a change
                Duration poll = installed.connection().pollInterval();
                play(device, profile.utilisation().runningPoint(), poll != null ? poll : profile.simulate().every(), poll == null,
                        tracker, from, until);
            });
        }
        playAll(plays);
        return filled;
    }

    /** Plays the devices on a pool of one thread per core, and returns once all have been played. */
    private static void playAll(List<Runnable> plays) {
        if (plays.isEmpty()) {
            return;
        }
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(plays.size(), Runtime.getRuntime().availableProcessors()), r -> {
            Thread thread = new Thread(r, "demo-history-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> played = plays.stream().<Future<?>>map(pool::submit).toList();
            played.forEach(DemoHistory::await);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Waits for a fill, or one device's part of it; what failed it is thrown as it was, or as an IllegalStateException. */
    static void await(Future<?> fill) {
        try {
            fill.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("demo history not filled: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("demo history not filled: interrupted", e);
        }
    }

    /** A behaviour the device has from the start and keeps: the scenario's idle plant. */
    private static boolean isHabit(Scenario.Step step, InstalledDevice device) {
        return step.at().isZero() && !step.end() && step.forDuration() == null
                && (device.id().equals(step.device()) || device.profile().equals(step.profile()));
    }

    private static void play(DeviceModel device, String point, Duration every, boolean onChange, RunTracker tracker,
                             Instant from, Instant until) {
        // a polled device is only seen at its polls; a pushed one is looked at as often as the live simulator does
        Duration step = !onChange || every.compareTo(STEP) < 0 ? every : STEP;
        Value reported = null;
        Instant reportedAt = null;
        // from the first step on, as live: the scenario's behaviours at 0 s are in force before any client sees a value
        // a start that failed meanwhile stops the pool: no need to play on
        for (Instant t = from.plus(step); t.isBefore(until) && !Thread.currentThread().isInterrupted(); t = t.plus(step)) {
            device.step(t);
            if (device.silent()) {
                continue;
            }
            Value value = device.value(point);
            if (reportedAt == null || (onChange && !value.equals(reported)) || !t.isBefore(reportedAt.plus(every))) {
                tracker.onSample(PointSample.good(device.deviceId(), point, t, value));
                reported = value;
                reportedAt = t;
            }
        }
    }
}
