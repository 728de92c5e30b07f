package io.caretaker.connectors.mqtt;

/** A payload the profile cannot decode at all (not JSON, too large); counted and set aside, never a crash. */
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

    /** Why a payload was set aside, as counted per device. */
    public enum Cause {
        NOT_JSON,
        NOT_AN_OBJECT,
        TOO_LARGE;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }
}
