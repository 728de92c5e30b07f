package io.caretaker.hub.rules;

import io.caretaker.deviceprofiles.FaultRule;
import io.caretaker.deviceprofiles.canonical.DeviceEvent;
import io.caretaker.deviceprofiles.canonical.PointSample;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * An event rule's memory: which of its events are still open (by the {@code eventId} the connector gives events
 * that have a phase) and since when, and when one last occurred. A matching event raises, or with {@code for} an
 * event still open that long later (checked on the tick); the restore of the last open one ({@code phase: end})
 * clears, and so does {@code clearAfter} without a recurrence. An end for an event the hub never saw begin (it
 * restarted meanwhile) still clears an alarm resumed from the store.
 */
final class EventState extends DeviceRuleState<FaultRule.Event> {

    static final String PHASE = "phase";
    static final String EVENT_ID = "eventId";
    static final String END = "end";

    private final Map<String, Instant> openSince = new HashMap<>();
    private final QuietTime quiet;

    EventState(String deviceId, FaultRule.Event rule) {
        super(deviceId, rule);
        this.quiet = rule.clearAfter() == null ? null : new QuietTime(rule.clearAfter());
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
                openSince.remove(eventId.toString());
            }
            if (active && openSince.isEmpty()) {
                active = false;
                return RuleEngine.Transition.clear(event.observedAt());
            }
            return null;
        }
        if (eventId != null) {
            openSince.putIfAbsent(eventId.toString(), event.observedAt()); // a status report (update) does not restart it
        }
        if (quiet != null) {
            quiet.occurred(event.observedAt());
        }
        if (!rule.forDuration().isZero()) {
            return null; // with a delay, the tick raises once an event has stayed open long enough
        }
        return raiseOnce(event.observedAt());
    }

    @Override
    public RuleEngine.Transition onTick(Instant now) {
        if (!active) {
            if (!rule.forDuration().isZero() && openSince.values().stream()
                    .anyMatch(since -> Duration.between(since, now).compareTo(rule.forDuration()) >= 0)) {
                return raiseOnce(now);
            }
            return null;
        }
        RuleEngine.Transition cleared = quiet == null ? null : clearWhenQuiet(quiet, now);
        if (cleared != null) {
            openSince.clear();
        }
        return cleared;
    }
}
