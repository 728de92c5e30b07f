package io.caretaker.connectors.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.caretaker.connectors.modbus.ModbusWriteRefusedException.Reason;
import io.caretaker.deviceprofiles.ConfigurationLoader;
import io.caretaker.deviceprofiles.ProfileCatalog;
import io.caretaker.deviceprofiles.canonical.DeviceEvent;
import io.caretaker.deviceprofiles.canonical.PointSample;
import io.caretaker.deviceprofiles.canonical.Quality;
import io.caretaker.deviceprofiles.canonical.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The connector against a Modbus server nobody here wrote: pymodbus, serving an SDM630-like map and every data type. */
class PymodbusPeerIT {

    private static final String FAST = "pollInterval=100&timeout=500&initialDelay=0";

    private final ReceivedBodies received = new ReceivedBodies();
    private PymodbusPeer peer;
    private CamelContext camel;

    @BeforeEach
    void start() throws Exception {
        peer = PymodbusPeer.start();
        camel = new DefaultCamelContext();
        camel.getRegistry().bind("profiles", profiles());
        camel.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (camel != null) {
            camel.stop();
        }
        if (peer != null) {
            peer.close();
        }
    }

    @Test
    void readsTheSdm630LikeMapWithTheShippedProfiles() throws Exception {
        poll("sdm630", "energy-meter-sdm630");
        // the SDM120 profile numbers registers one-based (30001 is 1): the same wire addresses
        poll("sdm120", "energy-meter-sdm120");

        List<PointSample> sdm630 = await().atMost(Duration.ofSeconds(15)).until(() -> received.latestBatch("sdm630"), Optional::isPresent).get();
        assertThat(sdm630).allSatisfy(s -> assertThat(s.quality()).isEqualTo(Quality.GOOD));
        assertThat(number(sdm630, "voltage_l1")).isCloseTo(230.1, within(1e-4));
        assertThat(number(sdm630, "voltage_l2")).isCloseTo(231.2, within(1e-4));
        assertThat(number(sdm630, "current_l3")).isCloseTo(3.5, within(1e-6));
        assertThat(number(sdm630, "total_power")).isCloseTo(1234.5, within(1e-3));
        assertThat(number(sdm630, "frequency")).isCloseTo(50.0, within(1e-6));
        assertThat(number(sdm630, "import_energy")).isCloseTo(12345.6, within(1e-3));

        List<PointSample> sdm120 = await().atMost(Duration.ofSeconds(15)).until(() -> received.latestBatch("sdm120"), Optional::isPresent).get();
        assertThat(number(sdm120, "voltage")).isCloseTo(230.1, within(1e-4));
        assertThat(number(sdm120, "current")).isCloseTo(1.5, within(1e-6));
        assertThat(number(sdm120, "frequency")).isCloseTo(50.0, within(1e-6));
        assertThat(number(sdm120, "import_energy")).isCloseTo(12345.6, within(1e-3));
    }

    @Test
    void decodesEveryDataTypeReadWithFunctionThree() throws Exception {
        poll("types", "test-pymodbus-types");

        List<PointSample> batch = await().atMost(Duration.ofSeconds(15)).until(() -> received.latestBatch("types"), Optional::isPresent).get();
        assertThat(batch).allSatisfy(s -> assertThat(s.quality()).as(s.pointId()).isEqualTo(Quality.GOOD));
        assertThat(number(batch, "an_int16")).isEqualTo(-1234);
        assertThat(number(batch, "an_uint16")).isEqualTo(65000);
        assertThat(number(batch, "an_int32")).isEqualTo(-123456);
        assertThat(number(batch, "an_uint32_low_first")).isEqualTo(4_000_000_000.0);
        assertThat(number(batch, "an_int64")).isEqualTo(-9_876_543_210.0);
        assertThat(number(batch, "an_uint64")).isEqualTo(12_345_678_901_234.0);
        assertThat(number(batch, "a_float64")).isEqualTo(3.14159265358979);
        assertThat(number(batch, "a_float32_bytes_swapped")).isEqualTo(21.5);
        assertThat(value(batch, "flag_0")).isEqualTo(Value.of(true));
        assertThat(value(batch, "flag_1")).isEqualTo(Value.of(false));
        assertThat(number(batch, "mode")).isEqualTo(10);
        assertThat(value(batch, "model")).isEqualTo(Value.of("SDM630-PY"));
        assertThat(number(batch, "sunspec_voltage")).isCloseTo(230.5, within(1e-9));
        assertThat(number(batch, "setpoint")).isCloseTo(21.5, within(1e-9));
        assertThat(number(batch, "gain")).isEqualTo(7.25);
        assertThat(value(batch, "relay")).isEqualTo(Value.of(false));
        assertThat(value(batch, "door")).isEqualTo(Value.of(true));
    }

    @Test
    void writesOnlyWritablePointsAndReadsThemBack() throws Exception {
        poll("types", "test-pymodbus-types");
        ProducerTemplate producer = camel.createProducerTemplate();
        String device = "modbus:types?host=127.0.0.1&port=" + peer.port() + "&profile=test-pymodbus-types&timeout=2000";

        producer.sendBodyAndHeader(device, -12.3, ModbusEndpoint.POINT_HEADER, "setpoint");
        producer.sendBodyAndHeader(device, "9.5", ModbusEndpoint.POINT_HEADER, "gain");
        producer.sendBodyAndHeader(device, true, ModbusEndpoint.POINT_HEADER, "relay");

        await().atMost(Duration.ofSeconds(10)).until(() -> received.latestBatch("types").map(b ->
                Math.abs(number(b, "setpoint") + 12.3) < 1e-9 && number(b, "gain") == 9.5
                        && value(b, "relay").equals(Value.of(true))).orElse(false));

        assertRefused(() -> producer.sendBodyAndHeader(device, 1, ModbusEndpoint.POINT_HEADER, "read_only_register"),
                Reason.NOT_WRITABLE, "'read_only_register' of profile test-pymodbus-types is not writable");
        assertRefused(() -> producer.sendBodyAndHeader(device, 1, ModbusEndpoint.POINT_HEADER, "an_int16"),
                Reason.NOT_WRITABLE, "writable: true");
        assertRefused(() -> producer.sendBodyAndHeader(device, 1, ModbusEndpoint.POINT_HEADER, "no_such_point"),
                Reason.UNKNOWN_POINT, "has no point 'no_such_point'");
        assertRefused(() -> producer.sendBodyAndHeader(device, "warm", ModbusEndpoint.POINT_HEADER, "setpoint"),
                Reason.BAD_VALUE, "write a number, not 'warm'");
        assertRefused(() -> producer.sendBodyAndHeader(device, 5000, ModbusEndpoint.POINT_HEADER, "setpoint"),
                Reason.BAD_VALUE, "does not fit a int16");
        assertRefused(() -> producer.sendBodyAndHeader(device, "maybe", ModbusEndpoint.POINT_HEADER, "relay"),
                Reason.BAD_VALUE, "write true or false");
        // the refused writes changed nothing on the device
        int before = received.batches("types").size();
        await().atMost(Duration.ofSeconds(5)).until(() -> received.batches("types").size() > before + 1);
        List<PointSample> after = received.latestBatch("types").orElseThrow();
        assertThat(number(after, "read_only_register")).isEqualTo(65000);
        assertThat(number(after, "an_int16")).isEqualTo(-1234);
        assertThat(number(after, "setpoint")).isCloseTo(-12.3, within(1e-9));
    }

    @Test
    void theConnectionHasTcpNoDelay() throws Exception {
        try (ModbusLink link = new ModbusLink("127.0.0.1", peer.port(), 1, 2000)) {
            assertThat(link.tcpNoDelay()).isFalse();
            assertThat(link.readRegisters(4, 70, 2)).hasSize(2);
            assertThat(link.tcpNoDelay()).isTrue();
        }
    }

    @Test
    void aPeerRestartShowsAsCommLossAndRecoversByItself() throws Exception {
        poll("sdm630", "energy-meter-sdm630");
        await().atMost(Duration.ofSeconds(15)).until(() -> received.latestBatch("sdm630").isPresent());

        peer.stop();
        await().atMost(Duration.ofSeconds(10)).until(() -> received.events("sdm630", DeviceEvent.CONNECTION_LOST) == 1);
        assertThat(received.latestBatch("sdm630").orElseThrow()).hasSize(9)
                .allSatisfy(s -> assertThat(s.quality()).isEqualTo(Quality.COMM_LOSS));

        peer.restart();
        await().atMost(Duration.ofSeconds(30)).until(() -> received.events("sdm630", DeviceEvent.CONNECTION_RESTORED) == 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> received.latestBatch("sdm630")
                .map(b -> b.stream().allMatch(s -> s.quality() == Quality.GOOD) && number(b, "frequency") == 50.0)
                .orElse(false));
        assertThat(received.events("sdm630", DeviceEvent.CONNECTION_LOST)).isEqualTo(1);
    }

    private static void assertRefused(Runnable write, Reason reason, String message) {
        assertThatThrownBy(write::run)
                .isInstanceOf(CamelExecutionException.class)
                .cause()
                .isInstanceOfSatisfying(ModbusWriteRefusedException.class, e -> assertThat(e.reason()).isEqualTo(reason))
                .hasMessageContaining(message);
    }

    private void poll(String deviceId, String profile) throws Exception {
        String uri = "modbus:" + deviceId + "?host=127.0.0.1&port=" + peer.port() + "&unitId=1&profile=" + profile + "&" + FAST;
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("modbus-" + deviceId).process(e -> received.add(e.getMessage().getBody()));
            }
        });
    }




    private static Value value(List<PointSample> batch, String pointId) {
        return batch.stream().filter(s -> s.pointId().equals(pointId)).findFirst().orElseThrow().value();
    }

    private static double number(List<PointSample> batch, String pointId) {
        return value(batch, pointId).asDouble().orElseThrow();
    }

    private static ProfileCatalog profiles() throws IOException {
        Map<String, String> yaml = new HashMap<>();
        for (String shipped : List.of("energy-meter-sdm630", "energy-meter-sdm120")) {
            try (var in = PymodbusPeerIT.class.getResourceAsStream("/caretaker/profiles/" + shipped + ".yaml")) {
                yaml.put(shipped + ".yaml", new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        yaml.put("test-pymodbus-types.yaml", Files.readString(Path.of("src/test/resources/profiles/test-pymodbus-types.yaml")));
        return ProfileCatalog.read(new ConfigurationLoader(), yaml);
    }
}
