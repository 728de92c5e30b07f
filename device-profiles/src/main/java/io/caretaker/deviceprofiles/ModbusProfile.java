package io.caretaker.deviceprofiles;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.caretaker.deviceprofiles.ModbusBinding.ByteOrder;
import io.caretaker.deviceprofiles.ModbusBinding.WordOrder;
import java.util.Locale;

/**
 * What a profile says about a Modbus device as a whole: how its vendor numbers registers, which function reads its
 * "input" registers, the byte and word order its points share unless they say otherwise, and how far apart two
 * registers may be and still be read in one request.
 */
public record ModbusProfile(RegisterNumbering registerNumbering, Integer inputRegisterFunction,
                            WordOrder wordOrder, ByteOrder byteOrder, Integer maxGap) {

    /** Up to 125 registers fit in one read; a gap this large never splits a request by itself. */
    public static final int ANY_GAP = 125;

    public ModbusProfile {
        if (registerNumbering == null) {
            registerNumbering = RegisterNumbering.ZERO_BASED;
        }
        if (inputRegisterFunction == null) {
            inputRegisterFunction = 4;
        }
        if (wordOrder == null) {
            wordOrder = WordOrder.HIGH_FIRST;
        }
        if (byteOrder == null) {
            byteOrder = ByteOrder.HIGH_FIRST;
        }
        if (maxGap == null) {
            maxGap = ANY_GAP;
        }
    }

    public static ModbusProfile defaults() {
        return new ModbusProfile(null, null, null, null, null);
    }

    /** The address on the wire of a binding's {@code address} (or any register number in this profile's numbering). */
    public int wireAddress(int profileAddress) {
        return registerNumbering == RegisterNumbering.ONE_BASED ? profileAddress - 1 : profileAddress;
    }

    /** The binding's word order, or this profile's default. */
    public WordOrder wordOrderOf(ModbusBinding binding) {
        return binding.wordOrder() != null ? binding.wordOrder() : wordOrder;
    }

    /** The binding's byte order, or this profile's default. */
    public ByteOrder byteOrderOf(ModbusBinding binding) {
        return binding.byteOrder() != null ? binding.byteOrder() : byteOrder;
    }

    /** Whether the vendor's register numbers start at 0 (the wire address) or at 1 (register 1 is address 0). */
    public enum RegisterNumbering {
        ZERO_BASED,
        ONE_BASED;

        @JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        @JsonCreator
        public static RegisterNumbering of(String text) {
            return valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }
}
