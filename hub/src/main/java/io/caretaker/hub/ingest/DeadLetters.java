package io.caretaker.hub.ingest;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * Messages that could not be ingested, set aside rather than lost or allowed to stop a route: counted per
 * device and cause, the latest kept for a person to inspect at {@code GET /api/dead-letters}.
 */
@Component
public class DeadLetters {

    static final int KEEP = 200;

    private final Deque<DeadLetter> latest = new ArrayDeque<>();
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

    private final Map<String, Instant> lastLogged = new ConcurrentHashMap<>();

    /** Sets a message aside; true when this device has had no dead letter logged in the past minute, so callers log at most once a minute per device. */
    public boolean add(DeadLetter letter) {
        counts.computeIfAbsent(letter.deviceId() + "/" + letter.cause(), k -> new AtomicLong()).incrementAndGet();
        synchronized (latest) {
            latest.addFirst(letter);
            while (latest.size() > KEEP) {
                latest.removeLast();
            }
        }
        Instant previous = lastLogged.get(letter.deviceId());
        if (previous == null || !letter.at().isBefore(previous.plusSeconds(60))) {
            lastLogged.put(letter.deviceId(), letter.at());
            return true;
        }
        return false;
    }

    public List<DeadLetter> latest() {
        synchronized (latest) {
            return List.copyOf(latest);
        }
    }

    /** Counts by "device/cause". */
    public Map<String, Long> counts() {
        return counts.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get()));
    }

    /** One message set aside: whose, why, when, and the start of what it said. */
    public record DeadLetter(String deviceId, String route, String cause, String detail, Instant at, String payloadStart) {
    }
}
