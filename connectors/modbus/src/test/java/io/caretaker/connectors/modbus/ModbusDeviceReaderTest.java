package io.caretaker.connectors.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.ghgande.j2mod.modbus.procimg.SimpleDigitalOut;
import com.ghgande.j2mod.modbus.procimg.SimpleInputRegister;
import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import io.caretaker.deviceprofiles.ConfigurationLoader;
import io.caretaker.deviceprofiles.DeviceProfile;
import io.caretaker.deviceprofiles.ProfileCatalog;
import io.caretaker.deviceprofiles.canonical.PointSample;
import io.caretaker.deviceprofiles.canonical.Quality;
import io.caretaker.deviceprofiles.canonical.Value;
import io.caretaker.simulators.modbus.ModbusSimulatorServer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each point is decoded from the request of the plan that answered its registers: several requests per function,
 * bits and registers, a SunSpec scale register in another request than its value, and its "not implemented" marker.
 */
class ModbusDeviceReaderTest {

    private static final String PROFILE = """
            formatVersion: 1
            id: test-reader
            name: Reader
            family: meter
            modbus: {registerNumbering: zero-based, inputRegisterFunction: 4, maxGap: 2}
            points:
              - {id: far, kind: number, bindings: {modbus: {table: input-register, address: 40, type: float32}}}
              - {id: near, kind: number, bindings: {modbus: {table: input-register, address: 0, type: float32}}}
              - {id: scaled, kind: number, bindings: {modbus: {table: holding-register, address: 10, type: uint16, scaleRegister: 30}}}
              - {id: unscalable, kind: number, bindings: {modbus: {table: holding-register, address: 11, type: uint16, scaleRegister: 31}}}
              - {id: plain, kind: number, bindings: {modbus: {table: holding-register, address: 12, type: int16}}}
              - {id: relay, kind: boolean, bindings: {modbus: {table: coil, address: 3}}}
            rules:
              - {id: silent, type: no-data, after: 1m, severity: MINOR}
            """;
    private static final Instant AT = Instant.parse("2026-11-29T05:00:00Z");

    private ModbusSimulatorServer server;
    private ModbusDeviceReader reader;

    @BeforeEach
    void start() {
        SimpleProcessImage image = new SimpleProcessImage(1);
        for (int i = 0; i < 50; i++) {
            image.addInputRegister(new SimpleInputRegister(0));
            image.addRegister(new SimpleRegister(0));
        }
        setFloat(image, 0, 230.5f);
        setFloat(image, 40, 50.25f);
        image.setRegister(10, new SimpleRegister(2305));
        image.setRegister(30, new SimpleRegister(0xFFFF));  // scale factor -1
        image.setRegister(11, new SimpleRegister(7));
        image.setRegister(31, new SimpleRegister(0x8000));  // SunSpec: not implemented
        image.setRegister(12, new SimpleRegister(0xFFFE));  // -2
        for (int i = 0; i < 8; i++) {
            image.addDigitalOut(new SimpleDigitalOut(i == 3));
        }
        server = new ModbusSimulatorServer("127.0.0.1", 0);
        server.addUnit(1, image);
        DeviceProfile profile = ProfileCatalog.read(new ConfigurationLoader(), Map.of("test-reader.yaml", PROFILE)).get("test-reader");
        reader = new ModbusDeviceReader("m1", new ModbusLink("127.0.0.1", server.port(), 1, 3000), ModbusPoint.of(profile),
                profile.modbus().maxGap());
    }

    @AfterEach
    void stop() {
        reader.close();
        server.close();
    }

    @Test
    void eachPointIsReadFromTheRequestThatCoversIt() throws Exception {
        assertThat(reader.plan()).extracting(ReadBlock::function, ReadBlock::start, ReadBlock::count)
                .containsExactly(tuple(1, 3, 1), tuple(3, 10, 3), tuple(3, 30, 2), tuple(4, 0, 2), tuple(4, 40, 2));

        List<PointSample> samples = reader.read(AT);

        assertThat(samples).extracting(PointSample::pointId, PointSample::value, PointSample::quality).containsExactly(
                tuple("far", Value.of(50.25), Quality.GOOD),
                tuple("near", Value.of(230.5), Quality.GOOD),
                tuple("scaled", Value.of(230.5), Quality.GOOD),
                tuple("unscalable", Value.absent(), Quality.BAD),
                tuple("plain", Value.of(-2.0), Quality.GOOD),
                tuple("relay", Value.of(true), Quality.GOOD));
        assertThat(samples).allSatisfy(s -> {
            assertThat(s.deviceId()).isEqualTo("m1");
            assertThat(s.observedAt()).isEqualTo(AT);
        });
    }

    private static void setFloat(SimpleProcessImage image, int address, float value) {
        int bits = Float.floatToIntBits(value);
        image.setInputRegister(address, new SimpleInputRegister(bits >>> 16));
        image.setInputRegister(address + 1, new SimpleInputRegister(bits & 0xFFFF));
    }
}
