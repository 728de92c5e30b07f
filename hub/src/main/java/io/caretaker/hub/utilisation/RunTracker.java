package io.caretaker.hub.utilisation;

import io.caretaker.deviceprofiles.DeviceProfile;
import io.caretaker.deviceprofiles.FaultRule;
import io.caretaker.deviceprofiles.MaintenancePlan;
import io.caretaker.deviceprofiles.ProfileCatalog;
import io.caretaker.deviceprofiles.Utilisation;
import io.caretaker.deviceprofiles.canonical.PointSample;
import io.caretaker.deviceprofiles.canonical.Quality;
import io.caretaker.deviceprofiles.canonical.Value;
import io.caretaker.deviceprofiles.site.InstalledDevice;
import io.caretaker.deviceprofiles.site.Site;
import io.caretaker.hub.calendar.WorkingCalendar;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Follows the running state of every device whose profile declares {@code utilisation}, from the samples ingest
 * passes it, and adds up per local day how long that state was known, how long the device ran (and of that, outside
 * occupied hours) and how often it started. A state is trusted until the device is lost (COMM_LOSS) or has been quiet
 * for its stale time; after that the time counts as unknown, neither running nor idle. Totals go to the store every
 * flush and at shutdown. Also keeps the latest value of the counter points that maintenance plans count.
 */
@Component
public class RunTracker {

    private static final Logger log = LoggerFactory.getLogger(RunTracker.class);

    private static final Duration ACCOUNT_EVERY = Duration.ofMinutes(1);

    private final Map<String, Device> devices = new LinkedHashMap<>();
    private final Map<String, Map<LocalDate, DayTotals>> pending = new HashMap<>();
    private final UtilisationRepository store;
    private final Occupancy occupancy;
    private final ZoneId zone;
    private Instant lastTick;

    RunTracker(Site site, ProfileCatalog profiles, WorkingCalendar calendar, UtilisationProperties properties, UtilisationRepository store) {
        this.store = store;
        this.zone = calendar.zone();
        this.occupancy = Occupancy.of(site, calendar, properties.occupied());
        log.info("occupied hours {} ({})", occupancy, site.occupied() == null ? "caretaker.utilisation.occupied" : "site file");
        for (InstalledDevice installed : site.devices()) {
            DeviceProfile profile = profiles.get(installed.profile());
            Set<String> counted = profile.maintenance().stream()
                    .filter(p -> p instanceof MaintenancePlan.Count c && !c.countsStarts())
                    .map(p -> ((MaintenancePlan.Count) p).point()).collect(Collectors.toSet());
            if (profile.utilisation() == null && counted.isEmpty()) {
                continue;
            }
            Duration stale = profile.rules().stream().filter(r -> r instanceof FaultRule.NoData)
                    .map(r -> ((FaultRule.NoData) r).after()).min(Duration::compareTo)
                    .filter(d -> d.compareTo(properties.staleAfter()) < 0).orElse(properties.staleAfter());
            devices.put(installed.id(), new Device(installed.id(), profile.utilisation(), counted, stale));
        }
    }

    /** The devices whose running the hub follows. */
    public synchronized Set<String> tracked() {
        return devices.values().stream().filter(d -> d.utilisation != null).map(d -> d.id).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    public synchronized void onSample(PointSample sample) {
        Device d = devices.get(sample.deviceId());
        if (d == null) {
            return;
        }
        Instant t = sample.observedAt();
        if (sample.quality() == Quality.COMM_LOSS) {
            if (d.utilisation != null) {
                accountUpTo(d, t);
                d.running = null; // lost: from now on neither running nor idle
                d.lastCounter = null;
            }
            return;
        }
        if (d.lastHeard == null || t.isAfter(d.lastHeard)) {
            d.lastHeard = t;
        }
        if (d.counted.contains(sample.pointId()) && sample.quality() == Quality.GOOD && sample.value() instanceof Value.Number n) {
            d.counters.put(sample.pointId(), n.value());
        }
        if (d.utilisation == null || !sample.pointId().equals(d.utilisation.runningPoint())) {
            return;
        }
        if (d.accountedTo != null && t.isBefore(d.accountedTo)) {
            t = d.accountedTo; // a late sample changes the state from where we are, never rewrites the past
        }
        if (d.utilisation.runningWhenRising()) {
            onCounter(d, sample, t);
            return;
        }
        accountUpTo(d, t);
        Boolean running = runningOf(d.utilisation, sample);
        if (Boolean.TRUE.equals(running) && Boolean.FALSE.equals(d.running)) {
            totals(d.id, day(t)).starts++;
        }
        d.running = running;
        d.accountedTo = t;
    }

    /** A counter runs over an interval when it rose from the sample before; it says so only at the next sample. */
    private void onCounter(Device d, PointSample sample, Instant t) {
        OptionalDouble value = sample.quality() == Quality.GOOD ? sample.value().asDouble() : OptionalDouble.empty();
        if (value.isEmpty()) {
            d.running = null;
            d.lastCounter = null;
            d.accountedTo = t;
            return;
        }
        if (d.lastCounter != null && d.accountedTo != null && Duration.between(d.accountedTo, t).compareTo(d.staleAfter) <= 0) {
            boolean rising = value.getAsDouble() > d.lastCounter;
            add(d, d.accountedTo, t, rising);
            if (rising && Boolean.FALSE.equals(d.running)) {
                totals(d.id, day(d.accountedTo)).starts++;
            }
            d.running = rising;
        } else {
            d.running = null;
        }
        d.lastCounter = value.getAsDouble();
        d.accountedTo = t;
    }

    /**
     * Time passes: running time accrues while a state is known, and days roll over. Ticks come every second; adding
     * up once a minute is enough, and keeps the ingest thread free on sites with thousands of devices.
     */
    public synchronized void onTick(Instant now) {
        if (lastTick != null && Duration.between(lastTick, now).compareTo(ACCOUNT_EVERY) < 0) {
            return;
        }
        lastTick = now;
        for (Device d : devices.values()) {
            if (d.utilisation != null && !d.utilisation.runningWhenRising()) {
                accountUpTo(d, now);
            }
        }
    }

    private void accountUpTo(Device d, Instant until) {
        if (d.running == null || d.accountedTo == null) {
            if (d.accountedTo == null || until.isAfter(d.accountedTo)) {
                d.accountedTo = until;
            }
            return;
        }
        Instant trustedUntil = d.lastHeard == null ? d.accountedTo : d.lastHeard.plus(d.staleAfter);
        Instant end = until.isBefore(trustedUntil) ? until : trustedUntil;
        if (end.isAfter(d.accountedTo)) {
            add(d, d.accountedTo, end, d.running);
        }
        if (until.isAfter(trustedUntil)) {
            log.debug("running state stale device={} lastHeard={}", d.id, d.lastHeard);
            d.running = null;
        }
        if (until.isAfter(d.accountedTo)) {
            d.accountedTo = until;
        }
    }

    /** Adds an interval of known state, split at local midnights. */
    private void add(Device d, Instant from, Instant to, boolean running) {
        Instant start = from;
        while (start.isBefore(to)) {
            LocalDate day = day(start);
            Instant midnight = ZonedDateTime.of(day.plusDays(1).atStartOfDay(), zone).toInstant();
            Instant end = to.isBefore(midnight) ? to : midnight;
            double seconds = Duration.between(start, end).toMillis() / 1000.0;
            DayTotals totals = totals(d.id, day);
            totals.knownSeconds += seconds;
            if (running) {
                totals.runSeconds += seconds;
                totals.unoccupiedRunSeconds += seconds - occupancy.occupiedWithin(start, end).toMillis() / 1000.0;
            }
            start = end;
        }
    }

    private static Boolean runningOf(Utilisation utilisation, PointSample sample) {
        if (sample.quality() != Quality.GOOD) {
            return null;
        }
        if (sample.value() instanceof Value.Bool b) {
            return b.value();
        }
        if (sample.value() instanceof Value.Number n) {
            return utilisation.runningAbove() != null ? n.value() > utilisation.runningAbove() : n.value() != 0;
        }
        return null;
    }

    private DayTotals totals(String deviceId, LocalDate day) {
        return pending.computeIfAbsent(deviceId, k -> new HashMap<>()).computeIfAbsent(day, k -> new DayTotals());
    }

    private LocalDate day(Instant t) {
        return t.atZone(zone).toLocalDate();
    }

    /** Writes what has been added up since the last flush. */
    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "${caretaker.utilisation.flush-every:PT1M}")
    public synchronized void flush() {
        int rows = 0;
        for (var device : pending.entrySet()) {
            for (var day : device.getValue().entrySet()) {
                store.add(device.getKey(), day.getKey(), day.getValue());
                rows++;
            }
        }
        pending.clear();
        log.debug("utilisation flushed rows={}", rows);
    }

    @PreDestroy
    void flushAtShutdown() {
        flush();
    }

    /** A device's run hours and starts since the hub first saw it run, stored and not yet stored. */
    public synchronized RunTotals lifetime(String deviceId) {
        DayTotals sum = store.lifetime(deviceId);
        pending.getOrDefault(deviceId, Map.of()).values().forEach(sum::add);
        return new RunTotals(sum.runSeconds / 3600.0, sum.starts);
    }

    /** The first local day the store knows this device's running state, if any (nothing of it is stored yet: empty). */
    public Optional<LocalDate> firstDay(String deviceId) {
        return store.firstDay(deviceId);
    }

    /** The latest good value of a counter point that a maintenance plan counts, if one came since the start. */
    public synchronized OptionalDouble counter(String deviceId, String pointId) {
        return Optional.ofNullable(devices.get(deviceId)).map(d -> d.counters.get(pointId))
                .map(OptionalDouble::of).orElse(OptionalDouble.empty());
    }

    /** Run hours and starts of one device. */
    public record RunTotals(double runHours, long starts) {
    }

    private static final class Device {
        final String id;
        final Utilisation utilisation;
        final Set<String> counted;
        final Duration staleAfter;
        final Map<String, Double> counters = new HashMap<>();
        Boolean running;          // null: not known
        Instant accountedTo;      // time up to which the state has been added up
        Instant lastHeard;        // the device's latest sample of any point
        Double lastCounter;       // runningWhenRising: the counter's previous value

        Device(String id, Utilisation utilisation, Set<String> counted, Duration staleAfter) {
            this.id = id;
            this.utilisation = utilisation;
            this.counted = counted;
            this.staleAfter = staleAfter;
        }
    }
}
