package io.caretaker.simulators.modbus;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.procimg.ProcessImage;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A Modbus TCP gateway on a real j2mod slave: several simulated units behind one host and port. */
public final class ModbusSimulatorServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ModbusSimulatorServer.class);
    /** Threads that serve client connections; SILENT units hold one each while a client waits. */
    private static final int POOL_SIZE = 16;
    private static final int BIND_ATTEMPTS = 5;

    private final int port;
    private final ModbusSlave slave;
    private final Map<Integer, SimulatedEnergyMeter> units = new ConcurrentHashMap<>();
    private final java.util.Set<Integer> handMade = ConcurrentHashMap.newKeySet();
    private final Map<String, ProfileRegisters> profileUnits = new ConcurrentHashMap<>();

    /**
     * Binds and starts listening. Port 0 picks a free port, read back with {@link #port()}: j2mod turns 0 into
     * 502, so the free port is found with a throw-away {@link ServerSocket} first and the bind retried if another
     * process takes it in between.
     */
    public ModbusSimulatorServer(String host, int port) {
        this(host, port, POOL_SIZE);
    }

    /**
     * As {@link #ModbusSimulatorServer(String, int)}, serving up to {@code connections} clients at once: j2mod's slave
     * gives each open connection a thread of its own, and a hub keeps one connection per device.
     */
    public ModbusSimulatorServer(String host, int port, int connections) {
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve simulator host " + host, e);
        }
        this.slave = bind(address, port, Math.max(POOL_SIZE, connections));
        this.port = slave.getPort();
        log.info("modbus simulator listening host={} port={}", host, this.port);
    }

    public int port() {
        return port;
    }

    /** Adds an SDM630 meter answering as {@code unitId}; its energy counter advances with {@code clock}. */
    public SimulatedEnergyMeter addEnergyMeter(String deviceId, int unitId, Clock clock) {
        if (unitId < 1 || unitId > 247) {
            throw new IllegalArgumentException("unitId " + unitId + " for " + deviceId + " must be 1..247");
        }
        SimulatedEnergyMeter meter = new SimulatedEnergyMeter(deviceId, clock);
        if (units.putIfAbsent(unitId, meter) != null) {
            throw new IllegalArgumentException("unit " + unitId + " is already taken on port " + port);
        }
        slave.addProcessImage(unitId, meter.processImage());
        return meter;
    }

    /**
     * Serves a hand-made register image as {@code unitId}, for peers the meter does not cover: holding registers
     * and coils a client writes, say. The image is j2mod's, so reads and writes behave as j2mod's slave does.
     */
    public void addUnit(int unitId, ProcessImage image) {
        if (unitId < 1 || unitId > 247) {
            throw new IllegalArgumentException("unitId " + unitId + " must be 1..247");
        }
        if (units.containsKey(unitId) || !handMade.add(unitId)) {
            throw new IllegalArgumentException("unit " + unitId + " is already taken on port " + port);
        }
        slave.addProcessImage(unitId, image);
    }

    /** Serves a device simulated from its profile as {@code unitId}; {@link #update} shows its new values. */
    public void addDevice(int unitId, io.caretaker.simulators.model.DeviceModel device) {
        ProfileRegisters registers = new ProfileRegisters(device);
        addUnit(unitId, registers);
        profileUnits.put(device.deviceId(), registers);
    }

    /** Writes a simulated device's current values into its registers and wakes requests it held while silent. */
    public void update(String deviceId) {
        ProfileRegisters registers = profileUnits.get(deviceId);
        if (registers != null) {
            registers.update();
            registers.wake();
        }
    }

    public List<SimulatedEnergyMeter> devices() {
        return List.copyOf(units.values());
    }

    @Override
    public void close() {
        units.values().forEach(SimulatedEnergyMeter::close);
        profileUnits.values().forEach(ProfileRegisters::close);
        // through the factory, which also forgets the slave so a new server may take the same port
        ModbusSlaveFactory.close(slave);
        log.info("modbus simulator stopped port={}", port);
    }

    private static ModbusSlave bind(InetAddress address, int port, int poolSize) {
        ModbusException last = null;
        for (int attempt = 0; attempt < (port == 0 ? BIND_ATTEMPTS : 1); attempt++) {
            int candidate = port == 0 ? freePort(address) : port;
            ModbusSlave created = null;
            try {
                created = ModbusSlaveFactory.createTCPSlave(address, candidate, poolSize, false);
                created.open();
                return created;
            } catch (ModbusException e) {
                last = e;
                if (created != null) {
                    ModbusSlaveFactory.close(created);
                }
            }
        }
        throw new IllegalStateException("cannot bind modbus simulator address=" + address + " port=" + port, last);
    }

    private static int freePort(InetAddress address) {
        try (ServerSocket probe = new ServerSocket(0, 1, address)) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + address, e);
        }
    }
}
