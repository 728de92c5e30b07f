package io.caretaker.connectors.mqtt;

import java.util.Locale;

/** A payload the profile cannot decode, wholly or in part; counted per device and cause and set aside, never a crash. */
public class MalformedPayloadException extends RuntimeException {

    private final String deviceId;
    private final Cause cause;

    public MalformedPayloadException(String deviceId, Cause cause, String detail) {
        super("malformed payload device=" + deviceId + " cause=" + cause.wireName() + ": " + detail);
        this.deviceId = deviceId;
        this.cause = cause;
    }

    public String deviceId() {
        return deviceId;
    }

    public Cause reason() {
        return cause;
    }

    /** Why a payload (or a field of it) was set aside, as counted per device. */
    public enum Cause {
        /** Not parseable as JSON. */
        NOT_JSON,
        /** JSON, but not an object. */
        NOT_AN_OBJECT,
        /** Larger than {@link PayloadDecoder#MAX_PAYLOAD_BYTES}; refused before parsing. */
        TOO_LARGE,
        /** A field is there but cannot be the point's kind (an object for a number, a word not in the map). */
        WRONG_TYPE,
        /** A field the profile marks required, or an event's id field, is absent. */
        MISSING_FIELD,
        /** A text line that does not match the profile's textPattern. */
        NO_MATCH,
        /** A message on a subscribed topic that belongs to no installed device. */
        UNKNOWN_DEVICE;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
