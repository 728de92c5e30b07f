package io.caretaker.simulators.modbus;

import static org.assertj.core.api.Assertions.assertThat;

import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import io.caretaker.deviceprofiles.ConfigurationLoader;
import io.caretaker.deviceprofiles.ModbusBinding;
import io.caretaker.deviceprofiles.ModbusBinding.ByteOrder;
import io.caretaker.deviceprofiles.ModbusBinding.DataType;
import io.caretaker.deviceprofiles.ModbusBinding.Table;
import io.caretaker.deviceprofiles.ModbusBinding.WordOrder;
import io.caretaker.deviceprofiles.ProfileCatalog;
import io.caretaker.deviceprofiles.canonical.Value;
import io.caretaker.simulators.model.DeviceModel;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** A profile-driven device's registers read back over Modbus TCP as the profile's vendor map says. */
class ProfileRegistersTest {

    private static final Instant T0 = Instant.parse("2026-11-30T02:00:00Z");
    private final ProfileCatalog profiles = ProfileCatalog.readDirectory(new ConfigurationLoader(), Path.of("../device-profiles/profiles"));

    @Test
    void valuesAreEncodedAsTheConnectorDecodesThem() {
        ModbusBinding runHours = new ModbusBinding(Table.INPUT_REGISTER, 3, DataType.UINT32, null, 0.1);
        assertThat(ProfileRegisters.encode(runHours, Value.of(8760.5), WordOrder.HIGH_FIRST, ByteOrder.HIGH_FIRST))
                .containsExactly(0x0001, 0x5635); // 87605 = 0x15635
        ModbusBinding voltage = new ModbusBinding(Table.INPUT_REGISTER, 0, DataType.FLOAT32, null, null);
        assertThat(ProfileRegisters.encode(voltage, Value.of(230.0), WordOrder.LOW_FIRST, ByteOrder.HIGH_FIRST))
                .containsExactly(0x0000, 0x4366); // 230.0f = 0x43660000, low word first
        ModbusBinding temperature = new ModbusBinding(Table.HOLDING_REGISTER, 7, DataType.INT16, null, 0.1);
        assertThat(ProfileRegisters.encode(temperature, Value.of(-1.5), WordOrder.HIGH_FIRST, ByteOrder.LOW_FIRST))
                .containsExactly(0xF1FF); // -15 = 0xFFF1, bytes swapped
    }

    @Test
    void aFirePanelsStatusBitsAndAPumpsCoilsAreServedOverTcp() throws Exception {
        DeviceModel panel = new DeviceModel("fire-panel-t-1", null, profiles.get("fire-panel-modbus"), ZoneId.of("Asia/Shanghai"), 1, T0);
        DeviceModel pump = new DeviceModel("pump-t-1", null, profiles.get("pump-modbus"), ZoneId.of("Asia/Shanghai"), 1, T0);
        try (ModbusSimulatorServer server = new ModbusSimulatorServer("127.0.0.1", 0)) {
            server.addDevice(3, panel);
            server.addDevice(4, pump);
            panel.begin("fire-alarm", T0);
            panel.begin("isolation-left-on", T0);
            server.update("fire-panel-t-1");
            ModbusTCPMaster master = new ModbusTCPMaster("127.0.0.1", server.port());
            master.connect();
            try {
                var status = master.readMultipleRegisters(3, 0, 4); // 40001..40004, one-based in the profile
                assertThat(status[0].getValue()).isEqualTo(0b1001); // fire and isolation bits
                assertThat(status[1].getValue()).isEqualTo(1);       // zones in fire
                assertThat(status[2].getValue()).isEqualTo(2);       // zones isolated
                assertThat(master.readCoils(4, 0, 1).getBit(0)).isTrue();           // run command
                assertThat(master.readInputDiscretes(4, 0, 2).getBit(0)).isTrue();  // running
                var hours = master.readInputRegisters(4, 2, 2);                      // 30003, uint32 in tenths
                assertThat((hours[0].getValue() << 16 | hours[1].getValue()) / 10.0).isEqualTo(8760.0);
            } finally {
                master.disconnect();
            }
        }
    }
}
