package io.caretaker.hub.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The recent GOOD values of one point, oldest first, for rules that look at a window of time. The lowest and
 * highest values are kept in monotonic queues, so a two-hour window of one-second samples costs O(1) per sample.
 */
final class PointHistory {

    private record Reading(long seq, Instant at, double value) {
    }

    private final Deque<Reading> readings = new ArrayDeque<>();
    private final Deque<Reading> lows = new ArrayDeque<>();   // values rising from the front: the front is the minimum
    private final Deque<Reading> highs = new ArrayDeque<>();  // values falling from the front: the front is the maximum
    private long seq;

    void add(Instant at, double value) {
        if (!readings.isEmpty() && at.isBefore(readings.peekLast().at())) {
            return; // late or replayed out of order: a window only moves forward
        }
        Reading reading = new Reading(seq++, at, value);
        readings.addLast(reading);
        while (!lows.isEmpty() && lows.peekLast().value() >= value) {
            lows.removeLast();
        }
        lows.addLast(reading);
        while (!highs.isEmpty() && highs.peekLast().value() <= value) {
            highs.removeLast();
        }
        highs.addLast(reading);
    }

    /** Drops readings before {@code now − window}, keeping the newest of them so the history still spans the window. */
    void keepWindow(Instant now, Duration window) {
        Instant start = now.minus(window);
        while (readings.size() > 1) {
            var it = readings.iterator();
            it.next();
            if (it.next().at().isAfter(start)) {
                break;
            }
            removeOldest();
        }
    }

    /** Drops every reading before {@code now − window}. */
    void keepWithin(Instant now, Duration window) {
        Instant start = now.minus(window);
        while (!readings.isEmpty() && readings.peekFirst().at().isBefore(start)) {
            removeOldest();
        }
    }

    private void removeOldest() {
        Reading oldest = readings.removeFirst();
        if (!lows.isEmpty() && lows.peekFirst().seq() == oldest.seq()) {
            lows.removeFirst();
        }
        if (!highs.isEmpty() && highs.peekFirst().seq() == oldest.seq()) {
            highs.removeFirst();
        }
    }

    boolean spans(Instant now, Duration window) {
        return !readings.isEmpty() && !readings.peekFirst().at().isAfter(now.minus(window));
    }

    double min() {
        return lows.isEmpty() ? Double.NaN : lows.peekFirst().value();
    }

    double max() {
        return highs.isEmpty() ? Double.NaN : highs.peekFirst().value();
    }

    /**
     * The lowest reading at or after {@code since} (the latest reading when none is that recent; NaN when there is
     * none at all). The queue of lows runs oldest to newest, each the lowest of the readings from it on, so the first
     * one at or after {@code since} is the answer.
     */
    double lowestSince(Instant since) {
        return firstSince(lows, since);
    }

    /** The highest reading at or after {@code since}, as {@link #lowestSince}. */
    double highestSince(Instant since) {
        return firstSince(highs, since);
    }

    private double firstSince(Deque<Reading> extremes, Instant since) {
        for (Reading reading : extremes) {
            if (!reading.at().isBefore(since)) {
                return reading.value();
            }
        }
        return readings.isEmpty() ? Double.NaN : readings.peekLast().value();
    }

    void clear() {
        readings.clear();
        lows.clear();
        highs.clear();
    }
}
