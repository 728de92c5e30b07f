package io.caretaker.deviceprofiles;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a point sits in a Modbus device: table, 0-based wire address, data type and word order.
 * The value read is multiplied by {@code scale}.
 */
public record ModbusBinding(Table table, int address, DataType type, WordOrder wordOrder, Double scale) {

    public ModbusBinding {
        if (type == null) {
            type = DataType.UINT16;
        }
        if (wordOrder == null) {
            wordOrder = WordOrder.HIGH_FIRST;
        }
        if (scale == null) {
            scale = 1.0;
        }
    }

    /** How many 16-bit registers (or bits, for coils and discrete inputs) the value spans. */
    public int registerCount() {
        return table.isBit() ? 1 : type.registers();
    }

    public enum Table {
        COIL,
        DISCRETE_INPUT,
        INPUT_REGISTER,
        HOLDING_REGISTER;

        public boolean isBit() {
            return this == COIL || this == DISCRETE_INPUT;
        }

        @JsonValue
        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    public enum DataType {
        INT16(1),
        UINT16(1),
        INT32(2),
        UINT32(2),
        FLOAT32(2);

        private final int registers;

        DataType(int registers) {
            this.registers = registers;
        }

        public int registers() {
            return registers;
        }

        @JsonValue
        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Which 16-bit word of a 32-bit value comes first on the wire (Eastron: high word first). */
    public enum WordOrder {
        HIGH_FIRST,
        LOW_FIRST;

        @JsonValue
        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }
}
