package io.caretaker.hub.telemetry;

/**
 * The store refused a batch for good (a field type conflict, a malformed point): retrying cannot help, so the
 * writer sets it aside and counts it instead of blocking everything behind it.
 */
public class TelemetryRejectedException extends Exception {

    public TelemetryRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
