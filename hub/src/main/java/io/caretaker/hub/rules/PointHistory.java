package io.caretaker.hub.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/** The recent GOOD values of one point, oldest first, for rules that look at a window of time. */
final class PointHistory {

    record Reading(Instant at, double value) {
    }

    private final Deque<Reading> readings = new ArrayDeque<>();

    void add(Instant at, double value) {
        if (!readings.isEmpty() && at.isBefore(readings.peekLast().at())) {
            return; // late or replayed out of order: a window only moves forward
        }
        readings.addLast(new Reading(at, value));
    }

    /** Drops readings before {@code now − window}, keeping the newest of them so the history still spans the window. */
    void keepWindow(Instant now, Duration window) {
        Instant start = now.minus(window);
        while (readings.size() > 1) {
            var it = readings.iterator();
            it.next();
            Reading second = it.next();
            if (second.at().isAfter(start)) {
                break;
            }
            readings.removeFirst();
        }
    }

    /** Drops every reading before {@code now − window}. */
    void keepWithin(Instant now, Duration window) {
        Instant start = now.minus(window);
        while (!readings.isEmpty() && readings.peekFirst().at().isBefore(start)) {
            readings.removeFirst();
        }
    }

    boolean spans(Instant now, Duration window) {
        return !readings.isEmpty() && !readings.peekFirst().at().isAfter(now.minus(window));
    }

    double min() {
        return readings.stream().mapToDouble(Reading::value).min().orElse(Double.NaN);
    }

    double max() {
        return readings.stream().mapToDouble(Reading::value).max().orElse(Double.NaN);
    }

    boolean isEmpty() {
        return readings.isEmpty();
    }

    void clear() {
        readings.clear();
    }
}
