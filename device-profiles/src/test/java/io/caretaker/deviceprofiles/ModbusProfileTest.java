package io.caretaker.deviceprofiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.caretaker.deviceprofiles.ModbusBinding.DataType;
import io.caretaker.deviceprofiles.ModbusBinding.Table;
import io.caretaker.deviceprofiles.ModbusProfile.RegisterNumbering;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The Modbus parts of the profile format: the profile-level section, every binding field, and the checks. */
class ModbusProfileTest {

    private static final Path PROFILES = Path.of("profiles");
    private static final Path EASTRON_MAP = Path.of("../../shared/data/formats/modbus/eastron_sdm630_sdm120.csv");

    private final ConfigurationLoader loader = new ConfigurationLoader();

    private static final String DEVICE = """
            formatVersion: 1
            id: test-inverter
            name: Test inverter
            family: meter
            modbus:
              registerNumbering: one-based
              inputRegisterFunction: 3
              wordOrder: low-first
              byteOrder: high-first
              maxGap: 4
            points:
              - id: power
                unit: W
                kind: number
                bindings:
                  modbus: {table: holding-register, address: 40084, type: int16, scaleRegister: 40085}
              - id: energy
                unit: kWh
                kind: number
                bindings:
                  modbus: {table: input-register, address: 10, type: uint64, wordOrder: high-first, scale: 0.001}
              - id: alarm
                kind: boolean
                bindings:
                  modbus: {table: input-register, address: 20, bit: 3}
              - id: mode
                kind: number
                bindings:
                  modbus: {table: input-register, address: 20, mask: 0x00F0, shift: 4}
              - id: serial
                kind: text
                bindings:
                  modbus: {table: input-register, address: 30, type: string, length: 8, byteOrder: low-first}
              - id: setpoint
                unit: °C
                kind: number
                bindings:
                  modbus: {table: holding-register, address: 100, type: int16, scale: 0.1, offset: -40, writable: true}
              - id: run
                kind: boolean
                bindings:
                  modbus: {table: coil, address: 1, writable: true}
            rules:
              - id: silent
                type: no-data
                after: 1m
                severity: MINOR
            """;

    @Test
    void readsTheProfileSectionAndEveryBindingField() {
        DeviceProfile profile = loader.readProfile("test-inverter.yaml", DEVICE);

        ModbusProfile modbus = profile.modbus();
        assertThat(modbus.registerNumbering()).isEqualTo(RegisterNumbering.ONE_BASED);
        assertThat(modbus.inputRegisterFunction()).isEqualTo(3);
        assertThat(modbus.maxGap()).isEqualTo(4);
        assertThat(modbus.wireAddress(40084)).isEqualTo(40083);
        ModbusBinding power = binding(profile, "power");
        assertThat(power.scaleRegister()).isEqualTo(40085);
        assertThat(modbus.wordOrderOf(power)).isEqualTo(ModbusBinding.WordOrder.LOW_FIRST);
        assertThat(modbus.wordOrderOf(binding(profile, "energy"))).isEqualTo(ModbusBinding.WordOrder.HIGH_FIRST);
        assertThat(binding(profile, "energy").registerCount()).isEqualTo(4);
        assertThat(binding(profile, "alarm").bit()).isEqualTo(3);
        assertThat(binding(profile, "mode").mask()).isEqualTo(0xF0L);
        assertThat(binding(profile, "mode").shift()).isEqualTo(4);
        assertThat(binding(profile, "serial").type()).isEqualTo(DataType.STRING);
        assertThat(binding(profile, "serial").registerCount()).isEqualTo(8);
        assertThat(modbus.byteOrderOf(binding(profile, "serial"))).isEqualTo(ModbusBinding.ByteOrder.LOW_FIRST);
        assertThat(binding(profile, "setpoint").isWritable()).isTrue();
        assertThat(binding(profile, "setpoint").offset()).isEqualTo(-40.0);
        assertThat(binding(profile, "power").isWritable()).isFalse();
    }

    @Test
    void aProfileWithoutTheSectionKeepsTheWalkingSkeletonMeaning() {
        DeviceProfile profile = loader.readProfile("test-inverter.yaml", DEVICE.replaceAll("(?s)modbus:\n  reg.*?maxGap: 4\n", ""));

        assertThat(profile.modbus()).isEqualTo(ModbusProfile.defaults());
        assertThat(profile.modbus().wireAddress(7)).isEqualTo(7);
        assertThat(profile.modbus().inputRegisterFunction()).isEqualTo(4);
    }

    @Test
    void badBindingsAreRefusedNamingTheFieldAndTheFix() {
        refused(DEVICE.replace("address: 20, bit: 3}", "address: 20, bit: 3, type: float32}"),
                "points[2].bindings.modbus.bit", "use type uint16");
        refused(DEVICE.replace("type: string, length: 8,", "type: string,"),
                "points[4].bindings.modbus.type", "a string needs length");
        refused(DEVICE.replace("{table: input-register, address: 10, type: uint64, wordOrder: high-first, scale: 0.001}",
                        "{table: input-register, address: 10, type: uint64, writable: true}"),
                "points[1].bindings.modbus.writable", "only coils and holding registers can be writable");
        refused(DEVICE.replace("{table: coil, address: 1, writable: true}", "{table: coil, address: 0}"),
                "points[6].bindings.modbus.address", "one-based");
        refused(DEVICE.replace("{table: coil, address: 1, writable: true}", "{table: coil, address: 1, scale: 2}"),
                "points[6].bindings.modbus.scale", "a coil is one bit; remove scale");
        refused(DEVICE.replace("type: float32", "type: float16").replace("type: int16, scale: 0.1", "type: int8, scale: 0.1"),
                "points[5].bindings.modbus.type", "");
        refused(DEVICE.replace("inputRegisterFunction: 3", "inputRegisterFunction: 2"),
                "modbus.inputRegisterFunction", "");
        refused(DEVICE.replace("address: 20, mask: 0x00F0, shift: 4}", "address: 20, shift: 4}"),
                "points[3].bindings.modbus.shift", "needs a mask");
    }

    @Test
    void everyShippedModbusProfileStatesItsNumberingAndInputFunction() throws Exception {
        try (Stream<Path> files = Files.list(PROFILES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                String yaml = Files.readString(file);
                if (yaml.contains("modbus: {table:")) {
                    assertThat(yaml).as(file + " must state modbus.registerNumbering and modbus.inputRegisterFunction")
                            .containsPattern("(?m)^modbus:\\n(  .*\\n)*  registerNumbering: ")
                            .containsPattern("(?m)^modbus:\\n(  .*\\n)*  inputRegisterFunction: [34]");
                }
            }
        }
    }

    @Test
    void theSdm120ProfileFollowsTheVendorRegisterList() throws Exception {
        assumeTrue(Files.isRegularFile(EASTRON_MAP), "skipped: the Eastron register list " + EASTRON_MAP.toAbsolutePath()
                + " is absent (it comes with the shared/ folder beside the repository)");
        DeviceProfile sdm120 = ProfileCatalog.readDirectory(loader, PROFILES).get("energy-meter-sdm120");
        Map<String, String> pointOf = new HashMap<>(Map.of(
                "Voltage", "voltage", "Current", "current", "Power", "active_power", "ApparentPower", "apparent_power",
                "ReactivePower", "reactive_power", "Cosphi", "power_factor", "Frequency", "frequency",
                "Import", "import_energy", "Export", "export_energy", "ReactiveImport", "reactive_import_energy"));
        pointOf.putAll(Map.of("ReactiveExport", "reactive_export_energy", "Sum", "total_energy",
                "ReactiveSum", "total_reactive_energy"));

        List<String[]> rows = Files.readAllLines(EASTRON_MAP).stream().skip(1)
                .map(line -> line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)"))
                .filter(row -> row[0].equals("Eastron SDM120"))
                .toList();
        assertThat(rows).hasSize(13);
        assertThat(sdm120.points()).hasSize(rows.size());
        for (String[] row : rows) {
            Point point = sdm120.point(pointOf.get(row[1])).orElseThrow(() -> new AssertionError("no point for " + row[1]));
            ModbusBinding binding = point.bindings().modbus();
            assertThat(binding.table()).as(row[1]).isEqualTo(Table.INPUT_REGISTER);
            assertThat(sdm120.modbus().wireAddress(binding.address())).as(row[1]).isEqualTo(Integer.parseInt(row[2]));
            assertThat(binding.address()).as(row[1]).isEqualTo(Integer.parseInt(row[4]));
            assertThat(binding.type()).as(row[1]).isEqualTo(DataType.FLOAT32);
            assertThat(binding.registerCount()).as(row[1]).isEqualTo(Integer.parseInt(row[7]));
            assertThat(point.unit()).as(row[1]).isEqualTo(row[10]);
        }
        assertThat(sdm120.modbus().inputRegisterFunction()).isEqualTo(4);
        assertThat(sdm120.modbus().wordOrder()).isEqualTo(ModbusBinding.WordOrder.HIGH_FIRST);
    }

    private void refused(String yaml, String field, String message) {
        assertThatThrownBy(() -> loader.readProfile("test-inverter.yaml", yaml))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("test-inverter.yaml:")
                .hasMessageContaining(field)
                .hasMessageContaining(message);
    }

    private static ModbusBinding binding(DeviceProfile profile, String point) {
        return profile.point(point).orElseThrow().bindings().modbus();
    }
}
