package io.caretaker.deviceprofiles;

import com.fasterxml.jackson.annotation.JsonValue;

/** The device families of DOMAIN.md; written in lower case in profiles and the API. */
public enum Family {
    HVAC,
    METER,
    FIRE,
    ACCESS,
    CCTV;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
