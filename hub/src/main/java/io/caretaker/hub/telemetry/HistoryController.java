package io.caretaker.hub.telemetry;

import io.caretaker.deviceprofiles.DeviceProfile;
import io.caretaker.deviceprofiles.Point;
import io.caretaker.deviceprofiles.ProfileCatalog;
import io.caretaker.deviceprofiles.Durations;
import io.caretaker.deviceprofiles.site.InstalledDevice;
import io.caretaker.deviceprofiles.site.Site;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/devices/{id}/points/{point}/history?from=&to=&step=}: a point's history in buckets of
 * {@code step} (default 1m), from whichever store is configured. {@code from} and {@code to} are ISO-8601
 * instants (default: the last 24 hours) and are widened to whole steps, so both stores answer the same buckets.
 */
@RestController
class HistoryController {

    static final int MAX_BUCKETS = 10_000;

    private final TelemetryStore store;
    private final Site site;
    private final ProfileCatalog profiles;
    private final Clock clock;

    HistoryController(TelemetryStore store, Site site, ProfileCatalog profiles, Clock clock) {
        this.store = store;
        this.site = site;
        this.profiles = profiles;
        this.clock = clock;
    }

    @GetMapping("/api/devices/{deviceId}/points/{pointId}/history")
    History history(@PathVariable String deviceId, @PathVariable String pointId,
                    @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                    @RequestParam(defaultValue = "1m") String step) {
        InstalledDevice device = site.device(deviceId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no device '" + deviceId + "' in the site file"));
        DeviceProfile profile = profiles.get(device.profile());
        Point point = profile.point(pointId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "device '" + deviceId + "' (profile " + profile.id() + ") has no point '" + pointId + "'; its points: "
                        + profile.points().stream().map(Point::id).toList()));
        Duration stepLength = parseStep(step);
        Instant end = to == null ? clock.instant() : parseInstant("to", to);
        Instant start = from == null ? end.minus(Duration.ofDays(1)) : parseInstant("from", from);
        long stepMillis = stepLength.toMillis();
        start = Rollup.bucketOf(start, stepMillis);
        end = Rollup.bucketOf(end.minusMillis(1), stepMillis).plusMillis(stepMillis);
        if (!start.isBefore(end)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "from (" + from + ") must be before to (" + to + ")");
        }
        long buckets = Duration.between(start, end).toMillis() / stepMillis;
        if (buckets > MAX_BUCKETS) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "from..to in steps of " + step + " gives " + buckets
                    + " buckets, more than " + MAX_BUCKETS + "; use a larger step or a shorter range");
        }
        List<Bucket> series = store.history(deviceId, pointId, start, end, stepLength).stream()
                .map(b -> new Bucket(site.localTime(b.start()), b.min(), b.max(), b.mean(), b.last(), b.count()))
                .toList();
        return new History(deviceId, pointId, point.unit(), step, store.name(), site.localTime(start), site.localTime(end), series);
    }

    private static Duration parseStep(String step) {
        Duration length;
        try {
            length = Durations.parse(step);
        } catch (RuntimeException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "step '" + step + "' is not a duration; use e.g. 10s, 1m, 1h");
        }
        if (length.toMillis() < 1000) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "step '" + step + "' is shorter than 1s");
        }
        return length;
    }

    private static Instant parseInstant(String name, String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, name + " '" + text
                    + "' is not an ISO-8601 time with offset, e.g. 2026-11-28T09:00:00+08:00");
        }
    }

    record History(String deviceId, String pointId, String unit, String step, String store, OffsetDateTime from,
                   OffsetDateTime to, List<Bucket> buckets) {
    }

    record Bucket(OffsetDateTime start, double min, double max, double mean, double last, long count) {
    }
}
