package io.caretaker.deviceprofiles;

/** How bad a fault is; it decides the work order's tier and so its SLA clocks (DOMAIN.md). */
public enum Severity {
    LIFE_SAFETY,
    MAJOR,
    IMPORTANT,
    MINOR
}
