package io.caretaker.simulators.modbus;

import com.ghgande.j2mod.modbus.procimg.DigitalIn;
import com.ghgande.j2mod.modbus.procimg.DigitalOut;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import com.ghgande.j2mod.modbus.procimg.Register;
import com.ghgande.j2mod.modbus.procimg.SimpleDigitalIn;
import com.ghgande.j2mod.modbus.procimg.SimpleDigitalOut;
import com.ghgande.j2mod.modbus.procimg.SimpleInputRegister;
import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import io.caretaker.deviceprofiles.DeviceProfile;
import io.caretaker.deviceprofiles.ModbusBinding;
import io.caretaker.deviceprofiles.ModbusBinding.ByteOrder;
import io.caretaker.deviceprofiles.ModbusBinding.DataType;
import io.caretaker.deviceprofiles.ModbusBinding.Table;
import io.caretaker.deviceprofiles.ModbusBinding.WordOrder;
import io.caretaker.deviceprofiles.Point;
import io.caretaker.deviceprofiles.Protocol;
import io.caretaker.deviceprofiles.canonical.Value;
import io.caretaker.simulators.model.DeviceModel;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * A simulated device's Modbus registers, laid out from its profile's bindings: each value is encoded the way the
 * connector decodes it (type, word and byte order, bit, bitfield, scale and offset). While the device is silent
 * every read waits, as behind a gateway whose RS-485 device was unplugged.
 */
final class ProfileRegisters extends SimpleProcessImage {

    private final DeviceModel device;
    private final Object silence = new Object();
    private volatile boolean closed;

    ProfileRegisters(DeviceModel device) {
        this.device = device;
        DeviceProfile profile = device.profile();
        Map<Table, Integer> size = new EnumMap<>(Table.class);
        for (Point point : profile.pointsBoundTo(Protocol.MODBUS)) {
            ModbusBinding b = point.bindings().modbus();
            if (b.scaleRegister() != null) {
                throw new IllegalArgumentException("profile " + profile.id() + " point " + point.id()
                        + ": a scaleRegister cannot be simulated yet; give the point a fixed scale");
            }
            int end = profile.modbus().wireAddress(b.address()) + b.registerCount();
            size.merge(b.table(), end, Math::max);
        }
        for (int i = 0; i < size.getOrDefault(Table.COIL, 0); i++) {
            addDigitalOut(new SimpleDigitalOut(false));
        }
        for (int i = 0; i < size.getOrDefault(Table.DISCRETE_INPUT, 0); i++) {
            addDigitalIn(new SimpleDigitalIn(false));
        }
        for (int i = 0; i < size.getOrDefault(Table.INPUT_REGISTER, 0); i++) {
            addInputRegister(new SimpleInputRegister(0));
        }
        for (int i = 0; i < size.getOrDefault(Table.HOLDING_REGISTER, 0); i++) {
            addRegister(new SimpleRegister(0));
        }
        update();
    }

    /** Writes the device's current values into the registers. */
    synchronized void update() {
        DeviceProfile profile = device.profile();
        Map<Table, Map<Integer, Integer>> words = new EnumMap<>(Table.class);
        for (Point point : profile.pointsBoundTo(Protocol.MODBUS)) {
            ModbusBinding b = point.bindings().modbus();
            int address = profile.modbus().wireAddress(b.address());
            Value value = device.value(point.id());
            if (b.table().isBit()) {
                boolean on = value.asDouble().orElse(0) != 0;
                if (b.table() == Table.COIL) {
                    getDigitalOut(address).set(on);
                } else {
                    ((SimpleDigitalIn) getDigitalIn(address)).set(on);
                }
                continue;
            }
            Map<Integer, Integer> table = words.computeIfAbsent(b.table(), t -> new HashMap<>());
            int[] encoded = encode(b, value, profile.modbus().wordOrderOf(b), profile.modbus().byteOrderOf(b));
            for (int i = 0; i < encoded.length; i++) {
                // bits and bitfields of one register are OR-ed together
                boolean shared = b.bit() != null || b.mask() != null;
                table.merge(address + i, encoded[i], shared ? (x, y) -> x | y : (x, y) -> y);
            }
        }
        words.getOrDefault(Table.INPUT_REGISTER, Map.of()).forEach((a, w) -> ((SimpleInputRegister) getInputRegister(a)).setValue(w));
        words.getOrDefault(Table.HOLDING_REGISTER, Map.of()).forEach((a, w) -> getRegister(a).setValue(w));
    }

    static int[] encode(ModbusBinding b, Value value, WordOrder wordOrder, ByteOrder byteOrder) {
        double x = value.asDouble().orElse(0);
        if (b.type() == DataType.STRING) {
            byte[] text = String.valueOf(value.plain() == null ? "" : value.plain()).getBytes(StandardCharsets.US_ASCII);
            int[] out = new int[b.registerCount()];
            for (int i = 0; i < out.length; i++) {
                int hi = 2 * i < text.length ? text[2 * i] & 0xFF : 0;
                int lo = 2 * i + 1 < text.length ? text[2 * i + 1] & 0xFF : 0;
                out[i] = byteOrder == ByteOrder.HIGH_FIRST ? hi << 8 | lo : lo << 8 | hi;
            }
            return out;
        }
        if (b.bit() != null) {
            return order(new long[] {x != 0 ? 1L << b.bit() : 0}, 1, wordOrder, byteOrder);
        }
        double raw = (x - b.offset()) / b.scale();
        int registers = b.type().registers();
        long bits;
        if (b.type() == DataType.FLOAT32) {
            bits = Float.floatToIntBits((float) raw) & 0xFFFF_FFFFL;
        } else if (b.type() == DataType.FLOAT64) {
            bits = Double.doubleToLongBits(raw);
        } else {
            bits = Math.round(raw);
            if (b.mask() != null) {
                bits = (bits << b.shift()) & b.mask();
            }
        }
        return order(new long[] {bits}, registers, wordOrder, byteOrder);
    }

    private static int[] order(long[] value, int registers, WordOrder wordOrder, ByteOrder byteOrder) {
        int[] out = new int[registers];
        for (int i = 0; i < registers; i++) {
            // i = 0 is the most significant word
            int word = (int) (value[0] >>> (16 * (registers - 1 - i))) & 0xFFFF;
            if (byteOrder == ByteOrder.LOW_FIRST) {
                word = (word & 0xFF) << 8 | word >>> 8;
            }
            out[wordOrder == WordOrder.HIGH_FIRST ? i : registers - 1 - i] = word;
        }
        return out;
    }

    /** Releases requests held while silent, so the server's threads can end. */
    void close() {
        closed = true;
        wake();
    }

    /** Called after a behaviour changes, so held requests see whether the device speaks again. */
    void wake() {
        synchronized (silence) {
            silence.notifyAll();
        }
    }

    private void awaitVoice() {
        synchronized (silence) {
            while (device.silent() && !closed) {
                try {
                    silence.wait(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public InputRegister[] getInputRegisterRange(int offset, int count) {
        awaitVoice();
        synchronized (this) {
            // copies, so an update cannot tear a 32-bit value between its two words while the answer is written
            InputRegister[] live = super.getInputRegisterRange(offset, count);
            InputRegister[] copy = new InputRegister[live.length];
            for (int i = 0; i < live.length; i++) {
                copy[i] = new SimpleInputRegister(live[i].getValue());
            }
            return copy;
        }
    }

    @Override
    public Register[] getRegisterRange(int offset, int count) {
        awaitVoice();
        synchronized (this) {
            return super.getRegisterRange(offset, count);
        }
    }

    @Override
    public DigitalIn[] getDigitalInRange(int offset, int count) {
        awaitVoice();
        return super.getDigitalInRange(offset, count);
    }

    @Override
    public DigitalOut[] getDigitalOutRange(int offset, int count) {
        awaitVoice();
        return super.getDigitalOutRange(offset, count);
    }
}
