package io.caretaker.simulators.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import io.caretaker.simulators.SimulatedDevice.Behaviour;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ModbusSimulatorServerTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-06T08:00:00Z"));
    private ModbusSimulatorServer server;
    private SimulatedEnergyMeter meter;
    private ModbusTCPMaster master;

    @BeforeEach
    void start() throws Exception {
        server = new ModbusSimulatorServer("127.0.0.1", 0);
        meter = server.addEnergyMeter("meter-1", 1, clock);
        server.addEnergyMeter("meter-2", 2, clock);
        master = new ModbusTCPMaster("127.0.0.1", server.port(), 500, false, false);
        master.connect();
        master.setRetries(1);
    }

    @AfterEach
    void stop() {
        master.disconnect();
        server.close();
    }

    @Test
    void bindsAnEphemeralPortAndReadsLikeAnSdm630() throws Exception {
        assertThat(server.port()).isPositive().isNotEqualTo(502);

        InputRegister[] block = master.readInputRegisters(1, 0, 74);

        assertThat(float32(block, 0)).isCloseTo(230.0, within(5.0));
        assertThat(float32(block, 2)).isCloseTo(230.0, within(5.0));
        assertThat(float32(block, 4)).isCloseTo(230.0, within(5.0));
        assertThat(float32(block, 6)).isCloseTo(12.0, within(2.0));
        assertThat(float32(block, 52)).isCloseTo(8900.0, within(1000.0));
        assertThat(float32(block, 70)).isCloseTo(50.0, within(0.2));
        assertThat(float32(block, 72)).isPositive();
    }

    @Test
    void importEnergyGrowsWithPowerOverTime() throws Exception {
        double before = float32(master.readInputRegisters(1, 72, 2), 0);

        clock.advance(Duration.ofHours(1));
        double after = float32(master.readInputRegisters(1, 72, 2), 0);

        // about 9 kW for one hour
        assertThat(after - before).isCloseTo(9.0, within(1.5));
    }

    @Test
    void faultRaisesPhaseOneVoltageOutOfBand() throws Exception {
        meter.behave(Behaviour.FAULT);

        assertThat(float32(master.readInputRegisters(1, 0, 2), 0)).isEqualTo(262.0);

        meter.behave(Behaviour.NORMAL);
        assertThat(float32(master.readInputRegisters(1, 0, 2), 0)).isCloseTo(230.0, within(5.0));
    }

    @Test
    void silentUnitTimesOutWhileItsNeighbourAnswers() throws Exception {
        meter.behave(Behaviour.SILENT);

        assertThatThrownBy(() -> master.readInputRegisters(1, 0, 2)).isInstanceOf(ModbusException.class);

        try (var second = new Connection(server.port())) {
            assertThat(float32(second.master.readInputRegisters(2, 0, 2), 0)).isCloseTo(230.0, within(5.0));
        }
        meter.behave(Behaviour.NORMAL);
        try (var third = new Connection(server.port())) {
            assertThat(float32(third.master.readInputRegisters(1, 0, 2), 0)).isCloseTo(230.0, within(5.0));
        }
    }

    @Test
    void unknownUnitIsRejected() {
        assertThatThrownBy(() -> master.readInputRegisters(9, 0, 2)).isInstanceOf(ModbusException.class);
    }

    private static double float32(InputRegister[] registers, int offset) {
        int bits = registers[offset].toUnsignedShort() << 16 | registers[offset + 1].toUnsignedShort();
        return Float.intBitsToFloat(bits);
    }

    /** A fresh client connection; a timed-out one cannot be trusted with the next request. */
    private static final class Connection implements AutoCloseable {
        final ModbusTCPMaster master;

        Connection(int port) throws Exception {
            master = new ModbusTCPMaster("127.0.0.1", port, 500, false, false);
            master.connect();
            master.setRetries(1);
        }

        @Override
        public void close() {
            master.disconnect();
        }
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
