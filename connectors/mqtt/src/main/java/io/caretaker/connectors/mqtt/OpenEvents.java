package io.caretaker.connectors.mqtt;

import io.caretaker.deviceprofiles.MqttEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The events of one device that have begun and not yet ended, by type and id, so an update or end message is
 * tied to the event it belongs to: it carries when the event began and, at the end, how long it lasted. Bounded:
 * a device that never sends ends cannot make it grow without limit.
 */
final class OpenEvents {

    static final int MAX_OPEN = 10_000;

    private final Map<String, Instant> startedAt = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > MAX_OPEN;
        }
    };

    /** Updates the open events and adds {@code startedAt} (and at the end {@code durationSeconds}) to the attributes. */
    void track(String type, String eventId, MqttEvent.Phase phase, Instant at, Map<String, Object> attributes) {
        String key = type + "\u0000" + eventId;
        Instant started = switch (phase) {
            case NEW -> {
                Instant previous = startedAt.putIfAbsent(key, at);
                yield previous == null ? at : previous;
            }
            case UPDATE -> startedAt.computeIfAbsent(key, k -> at);
            case END -> startedAt.remove(key);
        };
        if (started == null) {
            attributes.put("startUnknown", true); // an end whose start was before this hub saw the device
            return;
        }
        attributes.put("startedAt", started.toString());
        if (phase == MqttEvent.Phase.END) {
            attributes.put("durationSeconds", Duration.between(started, at).toMillis() / 1000.0);
        }
    }

    int size() {
        return startedAt.size();
    }
}
