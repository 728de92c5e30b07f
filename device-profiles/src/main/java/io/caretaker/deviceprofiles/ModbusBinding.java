package io.caretaker.deviceprofiles;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.io.IOException;
import java.util.Locale;

/**
 * Where a point sits in a Modbus device and how its registers become a value.
 *
 * <p>{@code address} is numbered as the profile's {@code modbus.registerNumbering} says (0-based wire address, or the
 * vendor's 1-based register number). {@code wordOrder} and {@code byteOrder} left out take the profile's defaults.
 * The value is {@code raw × scale × 10^sf + offset}, where {@code sf} is the signed int16 at {@code scaleRegister}
 * (SunSpec), if given. {@code bit} picks one bit of a register (a boolean); {@code mask} and {@code shift} cut a
 * bitfield out of an integer ({@code (raw & mask) >>> shift}); a {@code string} spans {@code length} registers of
 * ASCII, two characters each. Only points marked {@code writable} may be written.
 */
public record ModbusBinding(Table table, int address, DataType type, WordOrder wordOrder, Double scale,
                            ByteOrder byteOrder, Double offset, Integer bit,
                            @JsonDeserialize(using = MaskReader.class) Long mask, Integer shift,
                            Integer length, Integer scaleRegister, Boolean writable) {

    public ModbusBinding {
        if (type == null) {
            type = DataType.UINT16;
        }
        if (scale == null) {
            scale = 1.0;
        }
        if (offset == null) {
            offset = 0.0;
        }
        if (shift == null) {
            shift = 0;
        }
        if (writable == null) {
            writable = false;
        }
    }

    /** The walking-skeleton form: table, address, type, word order and scale. */
    public ModbusBinding(Table table, int address, DataType type, WordOrder wordOrder, Double scale) {
        this(table, address, type, wordOrder, scale, null, null, null, null, null, null, null, null);
    }

    /** How many 16-bit registers (or bits, for coils and discrete inputs) the value spans. */
    public int registerCount() {
        if (table.isBit()) {
            return 1;
        }
        return type == DataType.STRING ? (length == null ? 1 : length) : type.registers();
    }

    public boolean isWritable() {
        return writable;
    }

    /** A mask as a number or as the text a register list prints: {@code 0x00F0}, {@code 0b11110000}. */
    static final class MaskReader extends JsonDeserializer<Long> {
        @Override
        public Long deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return p.getLongValue();
            }
            String text = p.getText().trim().toLowerCase(Locale.ROOT).replace("_", "");
            if (text.startsWith("0x")) {
                return Long.parseUnsignedLong(text.substring(2), 16);
            }
            if (text.startsWith("0b")) {
                return Long.parseUnsignedLong(text.substring(2), 2);
            }
            return Long.parseLong(text);
        }
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
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public enum DataType {
        INT16(1, true),
        UINT16(1, false),
        INT32(2, true),
        UINT32(2, false),
        INT64(4, true),
        UINT64(4, false),
        FLOAT32(2, true),
        FLOAT64(4, true),
        /** ASCII, two characters a register; {@code length} registers. */
        STRING(0, false);

        private final int registers;
        private final boolean signed;

        DataType(int registers, boolean signed) {
            this.registers = registers;
            this.signed = signed;
        }

        public int registers() {
            return registers;
        }

        public boolean isSigned() {
            return signed;
        }

        public boolean isInteger() {
            return this != FLOAT32 && this != FLOAT64 && this != STRING;
        }

        @JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Which 16-bit word of a multi-register value comes first on the wire (Eastron: high word first). */
    public enum WordOrder {
        HIGH_FIRST,
        LOW_FIRST;

        @JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** Which byte of each 16-bit register comes first on the wire; Modbus says high (big-endian). */
    public enum ByteOrder {
        HIGH_FIRST,
        LOW_FIRST;

        @JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
