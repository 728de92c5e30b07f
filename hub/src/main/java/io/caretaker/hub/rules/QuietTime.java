package io.caretaker.hub.rules;

import java.time.Duration;
import java.time.Instant;

/**
 * When an alarm raised by occurrences (a spike, a counter stepping back, an event without a restore) returns to
 * normal: a quiet time after the last occurrence. An alarm resumed after a restart, whose last occurrence the hub
 * no longer knows, gets its full quiet time from the first tick.
 */
final class QuietTime {

    private final Duration clearAfter;
    private Instant lastOccurred;

    QuietTime(Duration clearAfter) {
        this.clearAfter = clearAfter;
    }

    void occurred(Instant at) {
        lastOccurred = at;
    }

    /** Whether {@code clearAfter} has passed since the last occurrence, at {@code now}. */
    boolean over(Instant now) {
        if (lastOccurred == null) {
            lastOccurred = now;
            return false;
        }
        return Duration.between(lastOccurred, now).compareTo(clearAfter) >= 0;
    }
}
