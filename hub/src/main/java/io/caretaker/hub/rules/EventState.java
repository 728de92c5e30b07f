package io.caretaker.hub.rules;

import io.caretaker.deviceprofiles.FaultRule;
import io.caretaker.deviceprofiles.canonical.DeviceEvent;
import io.caretaker.deviceprofiles.canonical.PointSample;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * An event rule's memory: which of its events are still open (by the {@code eventId} the connector gives events
 * that have a phase) and when one last occurred. A matching event raises; the restore of the last open one
 * ({@code phase: end}) clears, and so does {@code clearAfter} without a recurrence. An end for an event the hub
 * never saw begin (it restarted meanwhile) still clears an alarm resumed from the store.
 */
final class EventState extends DeviceRuleState<FaultRule.Event> {

    static final String PHASE = "phase";
    static final String EVENT_ID = "eventId";
    static final String END = "end";

    private final Set<String> open = new HashSet<>();
    private Instant lastOccurred;

    EventState(String deviceId, FaultRule.Event rule) {
        super(deviceId, rule);
    }

    @Override
    public RuleEngine.Transition onSample(PointSample sample) {
        return null;
    }

    @Override
    public RuleEngine.Transition onEvent(DeviceEvent event) {
        if (!rule.matches(event.type(), event.attributes())) {
            return null;
        }
        Object eventId = event.attributes().get(EVENT_ID);
        if (END.equals(event.attributes().get(PHASE))) {
            if (eventId != null) {
                open.remove(eventId.toString());
            }
            if (active && open.isEmpty()) {
                active = false;
                return RuleEngine.Transition.clear(event.observedAt());
            }
            return null;
        }
        if (eventId != null) {
            open.add(eventId.toString());
        }
        lastOccurred = event.observedAt();
        if (active) {
            return null;
        }
        active = true;
        return RuleEngine.Transition.raise(event.observedAt());
    }

    @Override
    public RuleEngine.Transition onTick(Instant now) {
        if (!active || rule.clearAfter() == null) {
            return null;
        }
        if (lastOccurred == null) {
            lastOccurred = now; // resumed after a restart: give it its full time from now
            return null;
        }
        if (Duration.between(lastOccurred, now).compareTo(rule.clearAfter()) >= 0) {
            active = false;
            open.clear();
            return RuleEngine.Transition.clear(now);
        }
        return null;
    }
}
