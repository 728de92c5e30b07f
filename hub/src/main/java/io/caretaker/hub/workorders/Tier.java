package io.caretaker.hub.workorders;

import io.caretaker.deviceprofiles.Severity;

/** The service tiers of DOMAIN.md (消防 life safety, 重大 major, 重要 important, 轻微 minor); each has its own SLA clocks. */
public enum Tier {
    LIFE_SAFETY,
    MAJOR,
    IMPORTANT,
    MINOR;

    public static Tier of(Severity severity) {
        return switch (severity) {
            case LIFE_SAFETY -> LIFE_SAFETY;
            case MAJOR -> MAJOR;
            case IMPORTANT -> IMPORTANT;
            case MINOR -> MINOR;
        };
    }
}
