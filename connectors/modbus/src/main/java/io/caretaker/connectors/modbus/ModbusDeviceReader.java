package io.caretaker.connectors.modbus;

import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import com.ghgande.j2mod.modbus.util.BitVector;
import io.caretaker.deviceprofiles.ModbusBinding;
import io.caretaker.deviceprofiles.Point;
import io.caretaker.deviceprofiles.PointKind;
import io.caretaker.deviceprofiles.canonical.PointSample;
import io.caretaker.deviceprofiles.canonical.Quality;
import io.caretaker.deviceprofiles.canonical.Value;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads one device's points over one Modbus TCP connection, opening it when needed. */
final class ModbusDeviceReader implements AutoCloseable {

    private final String deviceId;
    private final String host;
    private final int port;
    private final int unitId;
    private final int timeoutMillis;
    private final List<ReadBlock> plan;
    private ModbusTCPMaster master;

    ModbusDeviceReader(String deviceId, String host, int port, int unitId, int timeoutMillis, List<ReadBlock> plan) {
        this.deviceId = deviceId;
        this.host = host;
        this.port = port;
        this.unitId = unitId;
        this.timeoutMillis = timeoutMillis;
        this.plan = List.copyOf(plan);
    }

    /**
     * Reads every block of the plan. Any failure closes the connection, because after a timeout a late answer
     * could still arrive and be taken for the reply to the next request.
     */
    List<PointSample> read(Instant at) throws Exception {
        try {
            if (master == null) {
                master = connect();
            }
            List<PointSample> samples = new ArrayList<>();
            for (ReadBlock block : plan) {
                samples.addAll(read(block, at));
            }
            return samples;
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    private ModbusTCPMaster connect() throws Exception {
        // one try and no auto-reconnect: the consumer's next poll is the retry, with back-off
        ModbusTCPMaster created = new ModbusTCPMaster(host, port, timeoutMillis, false, false);
        try {
            created.connect();
            // j2mod keeps the count on the transaction connect() creates, and reads 0 as "5 tries": 1 is one try
            created.setRetries(1);
        } catch (Exception e) {
            created.disconnect();
            throw e;
        }
        return created;
    }

    private List<PointSample> read(ReadBlock block, Instant at) throws Exception {
        List<PointSample> samples = new ArrayList<>(block.points().size());
        switch (block.table()) {
            case COIL, DISCRETE_INPUT -> {
                BitVector bits = block.table() == ModbusBinding.Table.COIL
                        ? master.readCoils(unitId, block.start(), block.count())
                        : master.readInputDiscretes(unitId, block.start(), block.count());
                for (Point point : block.points()) {
                    boolean bit = bits.getBit(point.bindings().modbus().address() - block.start());
                    samples.add(point.sample(deviceId, at, at, Value.of(bit)));
                }
            }
            case INPUT_REGISTER, HOLDING_REGISTER -> {
                InputRegister[] registers = block.table() == ModbusBinding.Table.INPUT_REGISTER
                        ? master.readInputRegisters(unitId, block.start(), block.count())
                        : master.readMultipleRegisters(unitId, block.start(), block.count());
                int[] words = new int[registers.length];
                for (int i = 0; i < registers.length; i++) {
                    words[i] = registers[i].toUnsignedShort();
                }
                for (Point point : block.points()) {
                    samples.add(sample(point, words, point.bindings().modbus().address() - block.start(), at));
                }
            }
        }
        return samples;
    }

    private PointSample sample(Point point, int[] words, int offset, Instant at) {
        double number = RegisterDecoder.decode(point.bindings().modbus(), words, offset);
        if (point.kind() == PointKind.BOOLEAN) {
            return point.sample(deviceId, at, at, Value.of(number != 0));
        }
        if (!Double.isFinite(number)) {
            // a float32 NaN is how many meters say "no reading"; it is not a number to alarm on
            return new PointSample(deviceId, point.id(), at, at, Value.absent(), Quality.BAD);
        }
        return point.sample(deviceId, at, at, Value.of(number));
    }

    @Override
    public void close() {
        if (master != null) {
            master.disconnect();
            master = null;
        }
    }
}
