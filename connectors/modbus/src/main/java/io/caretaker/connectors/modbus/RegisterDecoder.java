package io.caretaker.connectors.modbus;

import io.caretaker.deviceprofiles.ModbusBinding;
import io.caretaker.deviceprofiles.ModbusBinding.ByteOrder;
import io.caretaker.deviceprofiles.ModbusBinding.DataType;
import io.caretaker.deviceprofiles.ModbusBinding.WordOrder;
import io.caretaker.deviceprofiles.canonical.Value;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * Turns the 16-bit words of one Modbus value into a value and back: type, byte order, word order, bit, bitfield,
 * scale, SunSpec scale factor and offset.
 */
final class RegisterDecoder {

    private RegisterDecoder() {
    }

    /**
     * Decodes the value that starts at {@code offset} in {@code words} (each 0..65535, as read off the wire).
     * {@code scaleFactor} is the SunSpec power of ten (0 when the binding has none). Bits and bitfields come before
     * scaling; a raw 2305 with scale 0.1 reads 230.5.
     */
    static Value decode(ModbusPoint point, int[] words, int offset, int scaleFactor) {
        ModbusBinding binding = point.binding();
        if (binding.type() == DataType.STRING) {
            return Value.of(string(words, offset, binding.registerCount(), point.byteOrder()));
        }
        int[] value = ordered(words, offset, binding.type().registers(), point.wordOrder(), point.byteOrder());
        if (binding.bit() != null) {
            return Value.of((value[0] >>> binding.bit() & 1) == 1);
        }
        double raw;
        if (binding.type().isInteger()) {
            long bits = integer(binding.type(), value);
            if (binding.mask() != null) {
                bits = (bits & binding.mask()) >>> binding.shift();
            }
            raw = binding.type() == DataType.UINT64 && binding.mask() == null
                    ? new BigInteger(Long.toUnsignedString(bits)).doubleValue()
                    : bits;
        } else {
            raw = binding.type() == DataType.FLOAT32
                    ? Float.intBitsToFloat((int) join(value))
                    : Double.longBitsToDouble(join(value));
        }
        double scaled = raw * binding.scale() * Math.pow(10, scaleFactor) + binding.offset();
        return Value.of(scaled);
    }

    /** The words of a value, most significant first and each with its high byte first. */
    static int[] ordered(int[] words, int offset, int count, WordOrder wordOrder, ByteOrder byteOrder) {
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            int word = words[offset + (wordOrder == WordOrder.HIGH_FIRST ? i : count - 1 - i)] & 0xFFFF;
            out[i] = byteOrder == ByteOrder.HIGH_FIRST ? word : swap(word);
        }
        return out;
    }

    /** The reverse of {@link #ordered}: wire words from most-significant-first words. */
    static int[] onWire(int[] value, WordOrder wordOrder, ByteOrder byteOrder) {
        int count = value.length;
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            int word = value[i] & 0xFFFF;
            out[wordOrder == WordOrder.HIGH_FIRST ? i : count - 1 - i] = byteOrder == ByteOrder.HIGH_FIRST ? word : swap(word);
        }
        return out;
    }

    private static long integer(DataType type, int[] value) {
        long bits = join(value);
        return switch (type) {
            case INT16 -> (short) bits;
            case INT32 -> (int) bits;
            default -> bits; // unsigned types and int64 fill their width exactly
        };
    }

    private static long join(int[] value) {
        long bits = 0;
        for (int word : value) {
            bits = bits << 16 | (word & 0xFFFF);
        }
        return bits;
    }

    private static int swap(int word) {
        return (word & 0xFF) << 8 | (word >>> 8 & 0xFF);
    }

    private static String string(int[] words, int offset, int count, ByteOrder byteOrder) {
        byte[] bytes = new byte[count * 2];
        for (int i = 0; i < count; i++) {
            int word = words[offset + i] & 0xFFFF;
            if (byteOrder == ByteOrder.LOW_FIRST) {
                word = swap(word);
            }
            bytes[2 * i] = (byte) (word >>> 8);
            bytes[2 * i + 1] = (byte) word;
        }
        int end = bytes.length;
        // devices pad with NULs or spaces
        while (end > 0 && (bytes[end - 1] == 0 || bytes[end - 1] == ' ')) {
            end--;
        }
        for (int i = 0; i < end; i++) {
            if (bytes[i] == 0) {
                end = i;
                break;
            }
        }
        return new String(bytes, 0, end, StandardCharsets.US_ASCII);
    }

    /**
     * The wire words that make {@code number} read back as itself: offset and scale undone, rounded to the
     * type's integer, checked against its range.
     *
     * @throws IllegalArgumentException naming the point when the value does not fit the type
     */
    static int[] encode(ModbusPoint point, double number) {
        ModbusBinding binding = point.binding();
        DataType type = binding.type();
        double raw = (number - binding.offset()) / binding.scale();
        long bits;
        switch (type) {
            case FLOAT32 -> bits = Float.floatToIntBits((float) raw) & 0xFFFF_FFFFL;
            case FLOAT64 -> bits = Double.doubleToLongBits(raw);
            default -> {
                double rounded = Math.rint(raw);
                double min = type.isSigned() ? -Math.pow(2, 16 * type.registers() - 1) : 0;
                double max = type.isSigned() ? Math.pow(2, 16 * type.registers() - 1) - 1 : Math.pow(2, 16 * type.registers()) - 1;
                if (!Double.isFinite(rounded) || rounded < min || rounded > max) {
                    throw new IllegalArgumentException("point " + point.id() + ": " + number + " does not fit a "
                            + type.wireName() + " (raw " + raw + " outside " + (long) min + ".." + (long) max + ")");
                }
                bits = type == DataType.UINT64 ? new java.math.BigDecimal(rounded).toBigInteger().longValue() : (long) rounded;
            }
        }
        int count = type.registers();
        int[] value = new int[count];
        for (int i = count - 1; i >= 0; i--) {
            value[i] = (int) (bits & 0xFFFF);
            bits >>>= 16;
        }
        return onWire(value, point.wordOrder(), point.byteOrder());
    }
}
