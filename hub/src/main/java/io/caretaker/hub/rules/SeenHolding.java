package io.caretaker.hub.rules;

import java.time.Duration;
import java.time.Instant;

/**
 * How long a rule's condition has been seen holding, for its on and off delays. Each reading's verdict stands until
 * the next reading: a reading that shows the condition adds the time since the one before it, a reading that cannot
 * be judged (not GOOD, or a test that cannot be made now) ends the count there without resetting it, and a reading
 * that shows the condition gone starts it again. So the delay adds up what was seen, never the time nothing was.
 */
final class SeenHolding {

    private Duration held; // null until the condition is seen, and again once it is seen gone
    private Instant lastSeen; // the latest reading that showed the condition, unless one that could not be judged came after

    /** A reading at {@code at} shows the condition. */
    void holds(Instant at) {
        if (held == null) {
            held = Duration.ZERO;
        } else if (lastSeen != null) {
            held = held.plus(Duration.between(lastSeen, at));
        }
        lastSeen = at;
    }

    /** A reading at {@code at} cannot be judged: what was seen until then is kept, and nothing more is added. */
    void unknown(Instant at) {
        if (lastSeen != null) {
            held = held.plus(Duration.between(lastSeen, at));
            lastSeen = null;
        }
    }

    /** The condition is gone (or a lost connection makes what was seen untrustworthy): the count starts again. */
    void reset() {
        held = null;
        lastSeen = null;
    }

    /** Whether the condition has been seen holding for {@code delay} by {@code now}. */
    boolean lasted(Duration delay, Instant now) {
        if (held == null) {
            return false;
        }
        Duration seen = lastSeen == null ? held : held.plus(Duration.between(lastSeen, now));
        return seen.compareTo(delay) >= 0;
    }
}
