package io.caretaker.connectors.modbus;

import io.caretaker.deviceprofiles.ModbusBinding;
import io.caretaker.deviceprofiles.ModbusBinding.WordOrder;

/** Turns the 16-bit words of one Modbus value into a number, following the binding's type, word order and scale. */
final class RegisterDecoder {

    private RegisterDecoder() {
    }

    /**
     * Decodes the value that starts at {@code offset} in {@code words} (each 0..65535, as read off the wire).
     * The scale is applied last, so a raw 2305 with scale 0.1 reads 230.5.
     */
    static double decode(ModbusBinding binding, int[] words, int offset) {
        double raw = switch (binding.type()) {
            case INT16 -> (short) words[offset];
            case UINT16 -> words[offset] & 0xFFFF;
            case INT32 -> join(binding.wordOrder(), words, offset);
            case UINT32 -> Integer.toUnsignedLong(join(binding.wordOrder(), words, offset));
            case FLOAT32 -> Float.intBitsToFloat(join(binding.wordOrder(), words, offset));
        };
        return raw * binding.scale();
    }

    private static int join(WordOrder order, int[] words, int offset) {
        int first = words[offset] & 0xFFFF;
        int second = words[offset + 1] & 0xFFFF;
        return order == WordOrder.HIGH_FIRST ? first << 16 | second : second << 16 | first;
    }
}
