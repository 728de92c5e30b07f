package io.caretaker.hub.workorders;

/**
 * A repair request (报修) taken by the service desk: what, where, who to call back, how urgent. {@code tier}
 * defaults to MINOR; an urgent request is MAJOR and is dispatched at once (DOMAIN.md).
 */
public record RepairRequest(String title, String description, String building, String floor, String room,
                            String contactName, String contactPhone, Tier tier, Boolean urgent, String deviceId, String actor) {

    /** The first missing or wrong field with how to fix it; null when the request can be taken. */
    String problem() {
        if (title == null || title.isBlank()) {
            return "title: what needs repairing";
        }
        if (building == null || building.isBlank()) {
            return "building: where the repair is";
        }
        if ((contactName == null || contactName.isBlank()) && (contactPhone == null || contactPhone.isBlank())) {
            return "contactName or contactPhone: who to call back";
        }
        if (actor == null || actor.isBlank()) {
            return "actor: who at the service desk takes the request";
        }
        return null;
    }

    Tier effectiveTier() {
        if (Boolean.TRUE.equals(urgent)) {
            return tier == Tier.LIFE_SAFETY ? Tier.LIFE_SAFETY : Tier.MAJOR;
        }
        return tier == null ? Tier.MINOR : tier;
    }
}
