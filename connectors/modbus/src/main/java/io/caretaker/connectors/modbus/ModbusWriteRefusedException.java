package io.caretaker.connectors.modbus;

/** A write the connector will not send: the point is unknown, not writable, or the value does not suit it. */
public class ModbusWriteRefusedException extends IllegalArgumentException {

    /** Why the write was refused. */
    public enum Reason {
        UNKNOWN_POINT,
        NOT_WRITABLE,
        BAD_VALUE
    }

    private final Reason reason;

    public ModbusWriteRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
