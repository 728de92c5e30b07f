package io.caretaker.deviceprofiles;

import com.fasterxml.jackson.annotation.JsonValue;

/** What sort of value a point carries. */
public enum PointKind {
    NUMBER,
    BOOLEAN,
    TEXT;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
