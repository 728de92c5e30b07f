package io.caretaker.connectors.modbus;

import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import com.ghgande.j2mod.modbus.io.AbstractModbusTransport;
import com.ghgande.j2mod.modbus.io.ModbusTCPTransport;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import com.ghgande.j2mod.modbus.procimg.Register;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.util.BitVector;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.Socket;

/**
 * One Modbus TCP connection to one unit behind a host: opened when first needed, with TCP_NODELAY, and closed on any
 * failure, because after a timeout a late answer could still arrive and be taken for the reply to the next request.
 */
final class ModbusLink implements AutoCloseable {

    /** j2mod keeps its socket to itself; its transport's protected field is the only way to reach it. */
    private static final Field TRANSPORT_SOCKET;

    static {
        try {
            TRANSPORT_SOCKET = ModbusTCPTransport.class.getDeclaredField("socket");
            TRANSPORT_SOCKET.setAccessible(true);
        } catch (NoSuchFieldException e) {
            throw new ExceptionInInitializerError("j2mod's ModbusTCPTransport has no socket field any more;"
                    + " TCP_NODELAY cannot be set: " + e);
        }
    }

    private final String host;
    private final int port;
    private final int unitId;
    private final int timeoutMillis;
    private ModbusTCPMaster master;

    ModbusLink(String host, int port, int unitId, int timeoutMillis) {
        this.host = host;
        this.port = port;
        this.unitId = unitId;
        this.timeoutMillis = timeoutMillis;
    }

    /** Reads {@code count} bits with function 1 (coils) or 2 (discrete inputs); each 0 or 1. */
    synchronized int[] readBits(int function, int start, int count) throws Exception {
        return call(() -> {
            BitVector bits = function == 1 ? master.readCoils(unitId, start, count) : master.readInputDiscretes(unitId, start, count);
            int[] out = new int[count];
            for (int i = 0; i < count; i++) {
                out[i] = bits.getBit(i) ? 1 : 0;
            }
            return out;
        });
    }

    /** Reads {@code count} registers with function 3 (holding) or 4 (input); each 0..65535. */
    synchronized int[] readRegisters(int function, int start, int count) throws Exception {
        return call(() -> {
            InputRegister[] registers = function == 4
                    ? master.readInputRegisters(unitId, start, count)
                    : master.readMultipleRegisters(unitId, start, count);
            int[] out = new int[registers.length];
            for (int i = 0; i < registers.length; i++) {
                out[i] = registers[i].toUnsignedShort();
            }
            return out;
        });
    }

    /** Writes one coil (function 5). */
    synchronized void writeCoil(int address, boolean on) throws Exception {
        call(() -> master.writeCoil(unitId, address, on));
    }

    /** Writes holding registers: function 6 for one, 16 for several (a 32-bit value must change in one request). */
    synchronized void writeRegisters(int address, int[] words) throws Exception {
        call(() -> {
            if (words.length == 1) {
                return master.writeSingleRegister(unitId, address, new SimpleRegister(words[0]));
            }
            Register[] registers = new Register[words.length];
            for (int i = 0; i < words.length; i++) {
                registers[i] = new SimpleRegister(words[i]);
            }
            return master.writeMultipleRegisters(unitId, address, registers);
        });
    }

    /** Whether the open connection's socket has TCP_NODELAY set; false when none is open. */
    synchronized boolean tcpNoDelay() throws IOException {
        Socket socket = socket();
        return socket != null && socket.getTcpNoDelay();
    }

    private <T> T call(ModbusCall<T> call) throws Exception {
        try {
            if (master == null) {
                master = connect();
            }
            return call.run();
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    private ModbusTCPMaster connect() throws Exception {
        // one try and no auto-reconnect: the consumer's next poll is the retry, with back-off
        ModbusTCPMaster created;
        try {
            created = new ModbusTCPMaster(host, port, timeoutMillis, false, false);
        } catch (RuntimeException e) {
            // j2mod wraps an unknown host as "Failed to contruct ModbusTCPMaster instance."; its cause is what to fix
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e;
        }
        try {
            created.connect();
            // j2mod keeps the count on the transaction connect() creates, and reads 0 as "5 tries": 1 is one try
            created.setRetries(1);
            // requests are small and answered one at a time: Nagle would hold each for the previous ACK
            Socket socket = socketOf(created);
            if (socket == null) {
                throw new IOException("j2mod opened no socket to " + host + ":" + port);
            }
            socket.setTcpNoDelay(true);
        } catch (Exception e) {
            created.disconnect();
            throw e;
        }
        return created;
    }

    private Socket socket() {
        return master == null ? null : socketOf(master);
    }

    private static Socket socketOf(ModbusTCPMaster master) {
        AbstractModbusTransport transport = master.getTransport();
        if (!(transport instanceof ModbusTCPTransport tcp)) {
            return null;
        }
        try {
            return (Socket) TRANSPORT_SOCKET.get(tcp);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot reach j2mod's socket to set TCP_NODELAY", e);
        }
    }

    @Override
    public synchronized void close() {
        if (master != null) {
            master.disconnect();
            master = null;
        }
    }

    @FunctionalInterface
    private interface ModbusCall<T> {
        T run() throws Exception;
    }
}
