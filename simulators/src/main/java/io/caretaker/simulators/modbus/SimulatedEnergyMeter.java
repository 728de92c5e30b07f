package io.caretaker.simulators.modbus;

import com.ghgande.j2mod.modbus.procimg.InputRegister;
import com.ghgande.j2mod.modbus.procimg.SimpleInputRegister;
import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;
import io.caretaker.simulators.SimulatedDevice;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;

/**
 * An Eastron SDM630 energy meter behind a Modbus TCP gateway: input registers, float32, high word first.
 *
 * <p>Values are recomputed on every read, so they are never staler than the request. SILENT holds each request
 * unanswered until the meter speaks again or the server closes: j2mod's slave cannot send exception 0x0B
 * (its listener only ever answers 0x02 for a unit it does not know), and a client timing out is what a
 * gateway with an unplugged RS-485 meter most often shows anyway.
 */
public final class SimulatedEnergyMeter implements SimulatedDevice {

    static final int VOLTAGE_L1 = 0;
    static final int CURRENT_L1 = 6;
    static final int POWER_L1 = 12;
    static final int TOTAL_POWER = 52;
    static final int FREQUENCY = 70;
    static final int IMPORT_ENERGY = 72;
    static final double FAULT_VOLTAGE = 262.0;

    /** The SDM630 map reaches 0x0180; unmapped registers read 0 as on the real meter. */
    private static final int REGISTER_COUNT = 0x0182;
    private static final double POWER_FACTOR = 0.95;

    private final String deviceId;
    private final Clock clock;
    private final Random noise;
    private final Image image = new Image();
    private final Object silence = new Object();
    private volatile Behaviour behaviour = Behaviour.NORMAL;
    private boolean closed;
    private Instant lastRefresh;
    private double importKwh = 1234.5;

    SimulatedEnergyMeter(String deviceId, Clock clock) {
        this.deviceId = deviceId;
        this.clock = clock;
        // seeded from the id so two meters differ but a run is repeatable
        this.noise = new Random(deviceId.hashCode());
        for (int i = 0; i < REGISTER_COUNT; i++) {
            image.addInputRegister(new SimpleInputRegister(0));
        }
        this.lastRefresh = clock.instant();
        refresh();
    }

    @Override
    public String deviceId() {
        return deviceId;
    }

    @Override
    public Behaviour behaviour() {
        return behaviour;
    }

    @Override
    public void behave(Behaviour behaviour) {
        synchronized (silence) {
            this.behaviour = behaviour;
            silence.notifyAll();
        }
    }

    SimpleProcessImage processImage() {
        return image;
    }

    /** Releases requests held while SILENT, so the server's threads can end. */
    void close() {
        synchronized (silence) {
            closed = true;
            silence.notifyAll();
        }
    }

    private synchronized void refresh() {
        Instant now = clock.instant();
        double[] volts = new double[3];
        double[] amps = new double[3];
        double totalWatts = 0;
        for (int phase = 0; phase < 3; phase++) {
            volts[phase] = 230.0 + noise.nextGaussian() * 0.8;
            amps[phase] = 12.0 + phase + noise.nextGaussian() * 0.3;
            double watts = volts[phase] * amps[phase] * POWER_FACTOR;
            totalWatts += watts;
            writeFloat(POWER_L1 + 2 * phase, watts);
        }
        if (behaviour == Behaviour.FAULT) {
            volts[0] = FAULT_VOLTAGE;
        }
        for (int phase = 0; phase < 3; phase++) {
            writeFloat(VOLTAGE_L1 + 2 * phase, volts[phase]);
            writeFloat(CURRENT_L1 + 2 * phase, amps[phase]);
        }
        writeFloat(TOTAL_POWER, totalWatts);
        writeFloat(FREQUENCY, 50.0 + noise.nextGaussian() * 0.02);
        Duration elapsed = Duration.between(lastRefresh, now);
        if (!elapsed.isNegative()) {
            importKwh += totalWatts / 1000.0 * elapsed.toMillis() / 3_600_000.0;
        }
        lastRefresh = now;
        writeFloat(IMPORT_ENERGY, importKwh);
    }

    private void writeFloat(int address, double value) {
        int bits = Float.floatToIntBits((float) value);
        ((SimpleInputRegister) image.getInputRegister(address)).setValue(bits >>> 16);
        ((SimpleInputRegister) image.getInputRegister(address + 1)).setValue(bits & 0xFFFF);
    }

    private void awaitVoice() {
        synchronized (silence) {
            while (behaviour == Behaviour.SILENT && !closed) {
                try {
                    silence.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** The meter's registers as j2mod's slave sees them; every read waits out silence and refreshes first. */
    private final class Image extends SimpleProcessImage {

        @Override
        public InputRegister[] getInputRegisterRange(int offset, int count) {
            awaitVoice();
            synchronized (SimulatedEnergyMeter.this) {
                refresh();
                // copies, so a concurrent refresh cannot tear a float32 between its two words
                InputRegister[] live = super.getInputRegisterRange(offset, count);
                InputRegister[] copy = new InputRegister[live.length];
                for (int i = 0; i < live.length; i++) {
                    copy[i] = new SimpleInputRegister(live[i].getValue());
                }
                return copy;
            }
        }
    }
}
