package io.caretaker.bench.peers;

import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The bare peer of the hub's Modbus polling: a plain j2mod read loop per meter, one connection each as the hub has,
 * reading the same registers in the same single request the hub's read plan makes for an SDM630 (input registers
 * 0..73) and decoding the nine float32 points the profile binds, and waiting after each poll as long as the hub's
 * consumer does ({@link BenchSite#MODBUS_POLL_INTERVAL}), so that both poll on the same schedule.
 */
final class BareModbus implements AutoCloseable {

    /** The SDM630 profile's points: input register addresses of float32 values, high word first. */
    static final int[] POINT_ADDRESSES = {0, 2, 4, 6, 8, 10, 52, 70, 72};
    static final int FIRST = 0;
    static final int COUNT = 74;

    private final AtomicLong points = new AtomicLong();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();
    private final List<Exception> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile double checksum;

    private final long pauseNanos;

    BareModbus(String host, int port, int meters, Duration pause) {
        this.pauseNanos = pause.toNanos();
        for (int unit = 1; unit <= meters; unit++) {
            int unitId = unit;
            Thread thread = new Thread(() -> loop(host, port, unitId), "bare-modbus-" + unitId);
            thread.setDaemon(true);
            threads.add(thread);
        }
    }

    void start() {
        threads.forEach(Thread::start);
    }

    private void loop(String host, int port, int unitId) {
        ModbusTCPMaster master = new ModbusTCPMaster(host, port);
        try {
            master.connect();
            double sum = 0;
            while (!stop.get()) {
                InputRegister[] registers = master.readInputRegisters(unitId, FIRST, COUNT);
                for (int address : POINT_ADDRESSES) {
                    int bits = (registers[address - FIRST].getValue() << 16) | registers[address - FIRST + 1].getValue();
                    sum += Float.intBitsToFloat(bits);
                }
                points.addAndGet(POINT_ADDRESSES.length);
                LockSupport.parkNanos(pauseNanos); // as a scheduled consumer waits its delay
            }
            checksum += sum; // keeps the decoding from being optimised away
        } catch (Exception e) {
            if (!stop.get()) {
                failures.add(e);
            }
        } finally {
            master.disconnect();
        }
    }

    /** Points decoded so far, across all meters. */
    long points() {
        if (!failures.isEmpty()) {
            throw new IllegalStateException("bare j2mod loop failed: " + failures.get(0), failures.get(0));
        }
        return points.get();
    }

    @Override
    public void close() throws InterruptedException {
        stop.set(true);
        for (Thread thread : threads) {
            thread.join(5_000);
        }
    }
}
