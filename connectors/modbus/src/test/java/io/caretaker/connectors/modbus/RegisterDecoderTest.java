package io.caretaker.connectors.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.caretaker.deviceprofiles.ModbusBinding;
import io.caretaker.deviceprofiles.ModbusBinding.DataType;
import io.caretaker.deviceprofiles.ModbusBinding.Table;
import io.caretaker.deviceprofiles.ModbusBinding.WordOrder;
import org.junit.jupiter.api.Test;

class RegisterDecoderTest {

    @Test
    void float32FollowsTheWordOrder() {
        int bits = Float.floatToIntBits(230.5f);
        int high = bits >>> 16;
        int low = bits & 0xFFFF;

        assertThat(decode(DataType.FLOAT32, WordOrder.HIGH_FIRST, 1.0, high, low)).isEqualTo(230.5);
        assertThat(decode(DataType.FLOAT32, WordOrder.LOW_FIRST, 1.0, low, high)).isEqualTo(230.5);
        assertThat(decode(DataType.FLOAT32, WordOrder.LOW_FIRST, 1.0, high, low)).isNotEqualTo(230.5);
    }

    @Test
    void int32IsSignedAndUint32IsNot() {
        // -2 as a 32-bit two's complement: 0xFFFF_FFFE
        assertThat(decode(DataType.INT32, WordOrder.HIGH_FIRST, 1.0, 0xFFFF, 0xFFFE)).isEqualTo(-2.0);
        assertThat(decode(DataType.INT32, WordOrder.LOW_FIRST, 1.0, 0xFFFE, 0xFFFF)).isEqualTo(-2.0);
        assertThat(decode(DataType.UINT32, WordOrder.HIGH_FIRST, 1.0, 0xFFFF, 0xFFFE)).isEqualTo(4_294_967_294.0);
        assertThat(decode(DataType.UINT32, WordOrder.LOW_FIRST, 1.0, 0x0001, 0x0002)).isEqualTo(0x0002_0001);
    }

    @Test
    void sixteenBitTypesAndScale() {
        assertThat(decode(DataType.INT16, WordOrder.HIGH_FIRST, 0.1, 0xFF9C)).isCloseTo(-10.0, within(1e-9));
        assertThat(decode(DataType.UINT16, WordOrder.HIGH_FIRST, 0.1, 0xFF9C)).isCloseTo(6_543.6, within(1e-9));
        assertThat(decode(DataType.INT32, WordOrder.HIGH_FIRST, 0.01, 0xFFFF, 0xA5D8)).isCloseTo(-230.8, within(1e-9));
    }

    private static double decode(DataType type, WordOrder order, double scale, int... words) {
        ModbusBinding binding = new ModbusBinding(Table.HOLDING_REGISTER, 0, type, order, scale);
        int[] padded = new int[words.length + 1];
        System.arraycopy(words, 0, padded, 1, words.length);
        // offset 1 checks the decoder reads where it is told, not from the start of the block
        return RegisterDecoder.decode(binding, padded, 1);
    }
}
