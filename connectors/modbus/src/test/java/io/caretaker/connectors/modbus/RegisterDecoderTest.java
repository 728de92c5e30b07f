package io.caretaker.connectors.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.caretaker.deviceprofiles.ModbusBinding;
import io.caretaker.deviceprofiles.ModbusBinding.ByteOrder;
import io.caretaker.deviceprofiles.ModbusBinding.DataType;
import io.caretaker.deviceprofiles.ModbusBinding.Table;
import io.caretaker.deviceprofiles.ModbusBinding.WordOrder;
import io.caretaker.deviceprofiles.ModbusProfile;
import io.caretaker.deviceprofiles.Point;
import io.caretaker.deviceprofiles.PointKind;
import io.caretaker.deviceprofiles.canonical.Value;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class RegisterDecoderTest {

    @Test
    void float32FollowsTheWordOrder() {
        int bits = Float.floatToIntBits(230.5f);
        int high = bits >>> 16;
        int low = bits & 0xFFFF;

        assertThat(number(binding(DataType.FLOAT32).wordOrder(WordOrder.HIGH_FIRST), high, low)).isEqualTo(230.5);
        assertThat(number(binding(DataType.FLOAT32).wordOrder(WordOrder.LOW_FIRST), low, high)).isEqualTo(230.5);
        assertThat(number(binding(DataType.FLOAT32).wordOrder(WordOrder.LOW_FIRST), high, low)).isNotEqualTo(230.5);
    }

    @Test
    void byteOrderSwapsTheBytesOfEachRegister() {
        int bits = Float.floatToIntBits(21.5f);
        int high = bits >>> 16;
        int low = bits & 0xFFFF;

        // "BADC": words in order, bytes of each swapped
        assertThat(number(binding(DataType.FLOAT32).byteOrder(ByteOrder.LOW_FIRST), swap(high), swap(low))).isEqualTo(21.5);
        // "DCBA": both swapped
        assertThat(number(binding(DataType.FLOAT32).byteOrder(ByteOrder.LOW_FIRST).wordOrder(WordOrder.LOW_FIRST),
                swap(low), swap(high))).isEqualTo(21.5);
        assertThat(number(binding(DataType.UINT16).byteOrder(ByteOrder.LOW_FIRST), 0x3412)).isEqualTo(0x1234);
    }

    @Test
    void int32IsSignedAndUint32IsNot() {
        // -2 as a 32-bit two's complement: 0xFFFF_FFFE
        assertThat(number(binding(DataType.INT32), 0xFFFF, 0xFFFE)).isEqualTo(-2.0);
        assertThat(number(binding(DataType.INT32).wordOrder(WordOrder.LOW_FIRST), 0xFFFE, 0xFFFF)).isEqualTo(-2.0);
        assertThat(number(binding(DataType.UINT32), 0xFFFF, 0xFFFE)).isEqualTo(4_294_967_294.0);
        assertThat(number(binding(DataType.UINT32).wordOrder(WordOrder.LOW_FIRST), 0x0001, 0x0002)).isEqualTo(0x0002_0001);
    }

    @Test
    void sixtyFourBitTypesSpanFourRegistersInEitherWordOrder() {
        int[] int64 = words(ByteBuffer.allocate(8).putLong(-9_876_543_210L).array());
        int[] uint64 = words(ByteBuffer.allocate(8).putLong(0xFFFF_FFFF_FFFF_FFFEL).array());
        int[] float64 = words(ByteBuffer.allocate(8).putDouble(Math.PI).array());

        assertThat(number(binding(DataType.INT64), int64)).isEqualTo(-9_876_543_210.0);
        assertThat(number(binding(DataType.INT64).wordOrder(WordOrder.LOW_FIRST), reversed(int64))).isEqualTo(-9_876_543_210.0);
        assertThat(number(binding(DataType.UINT64), uint64)).isEqualTo(18_446_744_073_709_551_614.0);
        assertThat(number(binding(DataType.FLOAT64), float64)).isEqualTo(Math.PI);
        assertThat(number(binding(DataType.FLOAT64).wordOrder(WordOrder.LOW_FIRST), reversed(float64))).isEqualTo(Math.PI);
    }

    @Test
    void sixteenBitTypesScaleAndOffset() {
        assertThat(number(binding(DataType.INT16).scale(0.1), 0xFF9C)).isCloseTo(-10.0, within(1e-9));
        assertThat(number(binding(DataType.UINT16).scale(0.1), 0xFF9C)).isCloseTo(6_543.6, within(1e-9));
        assertThat(number(binding(DataType.INT32).scale(0.01), 0xFFFF, 0xA5D8)).isCloseTo(-230.8, within(1e-9));
        // a temperature sent as tenths of a kelvin: 2931 x 0.1 - 273.15 = 19.95 °C
        assertThat(number(binding(DataType.UINT16).scale(0.1).offset(-273.15), 2931)).isCloseTo(19.95, within(1e-9));
    }

    @Test
    void aBitOfARegisterIsABoolean() {
        assertThat(decode(binding(DataType.UINT16).bit(0), 0, 0b1010_0101)).isEqualTo(Value.of(true));
        assertThat(decode(binding(DataType.UINT16).bit(1), 0, 0b1010_0101)).isEqualTo(Value.of(false));
        assertThat(decode(binding(DataType.UINT16).bit(15), 0, 0x8000)).isEqualTo(Value.of(true));
    }

    @Test
    void aBitfieldIsMaskedAndShifted() {
        assertThat(number(binding(DataType.UINT16).mask(0x00F0L).shift(4), 0b1010_0101)).isEqualTo(10.0);
        assertThat(number(binding(DataType.UINT32).mask(0xFF00_0000L).shift(24), 0xAB12, 0x3456)).isEqualTo(0xAB);
    }

    @Test
    void aStringIsAsciiTwoCharactersARegisterWithoutPadding() {
        int[] text = words("SDM630-PY\0\0\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

        assertThat(decode(binding(DataType.STRING).length(6), 0, text)).isEqualTo(Value.of("SDM630-PY"));
        int[] swapped = java.util.Arrays.stream(text).map(RegisterDecoderTest::swap).toArray();
        assertThat(decode(binding(DataType.STRING).length(6).byteOrder(ByteOrder.LOW_FIRST), 0, swapped))
                .isEqualTo(Value.of("SDM630-PY"));
    }

    @Test
    void aSunSpecScaleFactorIsAPowerOfTen() {
        assertThat(decode(binding(DataType.UINT16), -1, 2305)).isEqualTo(Value.of(230.5));
        assertThat(decode(binding(DataType.INT16), 2, 12)).isEqualTo(Value.of(1200.0));
    }

    @Test
    void encodingUndoesScaleAndOffsetAndFollowsTheOrders() {
        ModbusPoint setPoint = point(binding(DataType.INT16).scale(0.1));
        ModbusPoint swapped = point(binding(DataType.FLOAT32).wordOrder(WordOrder.LOW_FIRST));
        ModbusPoint big = point(binding(DataType.UINT32));

        assertThat(RegisterDecoder.encode(setPoint, -21.5)).containsExactly(0xFF29);
        int bits = Float.floatToIntBits(7.25f);
        assertThat(RegisterDecoder.encode(swapped, 7.25)).containsExactly(bits & 0xFFFF, bits >>> 16);
        assertThat(RegisterDecoder.decode(big, RegisterDecoder.encode(big, 4_000_000_000.0), 0, 0)).isEqualTo(Value.of(4_000_000_000.0));
        assertThatThrownBy(() -> RegisterDecoder.encode(setPoint, 4000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not fit a int16");
    }

    private static double number(Spec spec, int... words) {
        return ((Value.Number) decode(spec, 0, words)).value();
    }

    private static Value decode(Spec spec, int scaleFactor, int... words) {
        int[] padded = new int[words.length + 1];
        System.arraycopy(words, 0, padded, 1, words.length);
        // offset 1 checks the decoder reads where it is told, not from the start of the block
        return RegisterDecoder.decode(point(spec), padded, 1, scaleFactor);
    }

    private static ModbusPoint point(Spec spec) {
        ModbusBinding binding = new ModbusBinding(Table.HOLDING_REGISTER, 0, spec.type, spec.wordOrder, spec.scale,
                spec.byteOrder, spec.offset, spec.bit, spec.mask, spec.shift, spec.length, null, null);
        Point point = new Point("p", "p", null, PointKind.NUMBER, null, new Point.Bindings(binding, null, null));
        return ModbusPoint.of(point, ModbusProfile.defaults());
    }

    private static Spec binding(DataType type) {
        return new Spec(type);
    }

    private static int swap(int word) {
        return (word & 0xFF) << 8 | word >>> 8;
    }

    private static int[] words(byte[] bytes) {
        int[] words = new int[bytes.length / 2];
        for (int i = 0; i < words.length; i++) {
            words[i] = (bytes[2 * i] & 0xFF) << 8 | bytes[2 * i + 1] & 0xFF;
        }
        return words;
    }

    private static int[] reversed(int[] words) {
        int[] out = new int[words.length];
        for (int i = 0; i < words.length; i++) {
            out[i] = words[words.length - 1 - i];
        }
        return out;
    }

    /** A binding under construction, so each test names only what it is about. */
    private static final class Spec {
        private final DataType type;
        private WordOrder wordOrder;
        private ByteOrder byteOrder;
        private Double scale;
        private Double offset;
        private Integer bit;
        private Long mask;
        private Integer shift;
        private Integer length;

        Spec(DataType type) {
            this.type = type;
        }

        Spec wordOrder(WordOrder order) {
            this.wordOrder = order;
            return this;
        }

        Spec byteOrder(ByteOrder order) {
            this.byteOrder = order;
            return this;
        }

        Spec scale(double scale) {
            this.scale = scale;
            return this;
        }

        Spec offset(double offset) {
            this.offset = offset;
            return this;
        }

        Spec bit(int bit) {
            this.bit = bit;
            return this;
        }

        Spec mask(long mask) {
            this.mask = mask;
            return this;
        }

        Spec shift(int shift) {
            this.shift = shift;
            return this;
        }

        Spec length(int length) {
            this.length = length;
            return this;
        }
    }
}
