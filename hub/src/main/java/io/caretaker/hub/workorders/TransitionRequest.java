package io.caretaker.hub.workorders;

/**
 * What a person gives with a transition. {@code actor} always; dispatch needs a {@code trade} or an
 * {@code assignee}; complete needs {@code notes} (and may give {@code parts} and {@code minutesSpent}); follow-up
 * needs {@code satisfied}; cancel needs a {@code reason}.
 */
public record TransitionRequest(String actor, Trade trade, String assignee, String notes, String parts, Integer minutesSpent,
                                Boolean satisfied, String reason) {

    /** The first field this transition needs that is missing, with how to give it; null when complete. */
    String missingFor(Transition transition) {
        if (blank(actor)) {
            return "actor: who does this (a name or staff id)";
        }
        return switch (transition) {
            case DISPATCH -> trade == null && blank(assignee) ? "trade or assignee: the team (ELECTRICAL, HVAC, PLUMBING, FIRE, SECURITY) or technician" : null;
            case COMPLETE -> blank(notes) ? "notes: what was done" : minutesSpent != null && minutesSpent < 0 ? "minutesSpent: must not be negative" : null;
            case FOLLOW_UP -> satisfied == null ? "satisfied: true or false, from the follow-up call" : null;
            case CANCEL -> blank(reason) ? "reason: why the work is cancelled" : null;
            default -> null;
        };
    }

    /** The transition's details as one line for the audit trail. */
    String details() {
        StringBuilder out = new StringBuilder();
        append(out, "trade", trade);
        append(out, "assignee", assignee);
        append(out, "notes", notes);
        append(out, "parts", parts);
        append(out, "minutesSpent", minutesSpent);
        append(out, "satisfied", satisfied);
        append(out, "reason", reason);
        return out.isEmpty() ? null : out.toString();
    }

    private static void append(StringBuilder out, String name, Object value) {
        if (value != null && !(value instanceof String s && s.isBlank())) {
            out.append(out.isEmpty() ? "" : "; ").append(name).append('=').append(value);
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
