package io.caretaker.deviceprofiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class EveryProfileTest {

    private static final Path PROFILES = Path.of("profiles");

    @Test
    void everyProfileInTheFolderLoadsAndValidates() throws Exception {
        long files;
        try (Stream<Path> list = Files.list(PROFILES)) {
            files = list.filter(f -> f.toString().endsWith(".yaml")).count();
        }
        ProfileCatalog catalog = ProfileCatalog.readDirectory(new ConfigurationLoader(), PROFILES);

        assertThat(files).isGreaterThanOrEqualTo(3);
        assertThat(catalog.ids()).hasSize((int) files);
        for (DeviceProfile profile : catalog.all()) {
            assertThat(profile.points()).as(profile.id()).isNotEmpty();
            assertThat(profile.rules()).as(profile.id()).isNotEmpty();
        }
    }

    @Test
    void everyProfileSpeaksChineseToo() {
        // the console speaks 简体中文: a shipped profile's name, points, alarm messages and tasks must not fall back to English
        for (DeviceProfile profile : ProfileCatalog.readDirectory(new ConfigurationLoader(), PROFILES).all()) {
            Translation zh = profile.translations().get("zh");
            assertThat(zh).as(profile.id() + " translations.zh").isNotNull();
            assertThat(zh.name()).as(profile.id() + " name").isNotBlank();
            assertThat(zh.points().keySet()).as(profile.id() + " points").containsExactlyInAnyOrderElementsOf(
                    profile.points().stream().map(Point::id).toList());
            assertThat(zh.rules().keySet()).as(profile.id() + " rules").containsExactlyInAnyOrderElementsOf(
                    profile.rules().stream().filter(r -> r.message() != null).map(FaultRule::id).toList());
            assertThat(zh.maintenance().keySet()).as(profile.id() + " maintenance").containsExactlyInAnyOrderElementsOf(
                    profile.maintenance().stream().map(MaintenancePlan::id).toList());
        }
    }

    @Test
    void theMeterProfileFollowsTheEastronRegisterMap() {
        DeviceProfile meter = ProfileCatalog.readDirectory(new ConfigurationLoader(), PROFILES).get("energy-meter-sdm630");

        ModbusBinding voltage = meter.point("voltage_l1").orElseThrow().bindings().modbus();
        ModbusBinding energy = meter.point("import_energy").orElseThrow().bindings().modbus();

        assertThat(voltage.table()).isEqualTo(ModbusBinding.Table.INPUT_REGISTER);
        assertThat(voltage.address()).isZero();
        assertThat(voltage.type()).isEqualTo(ModbusBinding.DataType.FLOAT32);
        assertThat(voltage.wordOrder()).isEqualTo(ModbusBinding.WordOrder.HIGH_FIRST);
        assertThat(energy.address()).isEqualTo(72);
        assertThat(meter.point("import_energy").orElseThrow().unit()).isEqualTo("kWh");
    }
}
