package io.caretaker.hub.console;

import io.caretaker.deviceprofiles.Severity;
import io.caretaker.hub.alarms.Alarm;
import io.caretaker.hub.alarms.AlarmState;
import java.time.OffsetDateTime;

/**
 * One alarm as the control room sees it: where it is, how bad, its ISA-18.2 state (by colour and icon on the
 * page), and whether it has a work order.
 */
public record AlarmRow(Alarm alarm, String deviceName, String building, String location, String family,
                OffsetDateTime raisedAt, OffsetDateTime lastRaisedAt, OffsetDateTime clearedAt) {

    public long id() {
        return alarm.id();
    }

    public Severity severity() {
        return alarm.severity();
    }

    public AlarmState state() {
        return alarm.state();
    }

    public boolean lifeSafety() {
        return alarm.severity() == Severity.LIFE_SAFETY;
    }

    /**
     * What the page shows as the state: out of service, shelved and suppressed by design (none of them put in front
     * of the operator) override the life-cycle state.
     */
    public String display() {
        if (alarm.isOutOfService()) {
            return "OUT_OF_SERVICE";
        }
        if (alarm.shelved()) {
            return "SHELVED";
        }
        return alarm.suppressed() ? "SUPPRESSED" : alarm.state().name();
    }

    /** Unacknowledged alarms blink until someone acknowledges them (ISA-18.2, ISA-101). */
    public boolean unacknowledged() {
        return alarm.state() == AlarmState.ACTIVE_UNACKED || alarm.state() == AlarmState.RETURNED_UNACKED;
    }

    /** Shelved by an operator, so it can be unshelved. */
    public boolean shelved() {
        return alarm.shelved();
    }

    /** Until when it is shelved, in the site's offset; null when not shelved. */
    public OffsetDateTime shelvedUntil() {
        return alarm.shelved() && alarm.shelf().until() != null ? alarm.shelf().until().atOffset(raisedAt.getOffset()) : null;
    }

    /** Why and until when it is shelved, or out of service, for the page. */
    public String takenOffBecause() {
        if (alarm.isOutOfService()) {
            return alarm.outOfService().reason() + " (" + alarm.outOfService().by() + ")";
        }
        return alarm.shelved() ? alarm.shelf().reason() + " (" + alarm.shelf().by() + ")" : null;
    }

    /** The icon that stands for the state beside its colour, so the state reads without colour too. */
    public String icon() {
        if (alarm.isOutOfService()) {
            return "⊗";
        }
        if (alarm.shelved()) {
            return "‖";
        }
        if (alarm.suppressed()) {
            return "⊘";
        }
        return switch (alarm.state().name()) {
            case "ACTIVE_UNACKED" -> "▲";
            case "ACTIVE_ACKED" -> "■";
            case "RETURNED_UNACKED" -> "◇";
            case "NORMAL" -> "✓";
            // states the alarm life cycle may add (shelved, out of service): taken off the operator's hands
            default -> "‖";
        };
    }
}
