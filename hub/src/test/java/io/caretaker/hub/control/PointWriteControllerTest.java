package io.caretaker.hub.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.ghgande.j2mod.modbus.procimg.SimpleDigitalOut;
import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import io.caretaker.deviceprofiles.ConfigurationLoader;
import io.caretaker.deviceprofiles.ProfileCatalog;
import io.caretaker.deviceprofiles.site.Site;
import io.caretaker.hub.system.problems.RequestProblems;
import io.caretaker.simulators.modbus.ModbusSimulatorServer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** The write API against a real Modbus slave on loopback: what the profile allows is written, the rest refused. */
class PointWriteControllerTest {

    private static final Instant NOW = Instant.parse("2026-11-27T08:00:00Z");

    private static final String PROFILE = """
            formatVersion: 1
            id: test-fan-coil
            name: Test fan coil
            family: hvac
            modbus:
              registerNumbering: one-based
              inputRegisterFunction: 4
            points:
              - id: setpoint
                unit: °C
                kind: number
                bindings:
                  modbus: {table: holding-register, address: 1, type: int16, scale: 0.1, writable: true}
                  opcua: {nodeId: "ns=2;s=setpoint"}
              - id: fan_speed
                kind: number
                bindings:
                  modbus: {table: holding-register, address: 2, type: uint16}
              - id: run
                kind: boolean
                bindings:
                  modbus: {table: coil, address: 1, writable: true}
            rules:
              - {id: silent, type: no-data, after: 1m, severity: MINOR}
            """;

    private static final String SITE = """
            formatVersion: 1
            site: {id: test-site, name: Test site, timeZone: UTC}
            devices:
              - id: fcu-1
                profile: test-fan-coil
                building: Tower
                connection: {protocol: modbus, host: 127.0.0.1, port: ${PORT}, unitId: 3}
              - id: ahu-1
                profile: test-fan-coil
                building: Tower
                connection: {protocol: opcua, endpoint: "opc.tcp://127.0.0.1:4840"}
            """;

    private final SimpleProcessImage image = new SimpleProcessImage();
    private ModbusSimulatorServer gateway;
    private CamelContext camel;
    private MockMvc mvc;

    @BeforeEach
    void start() {
        image.addRegister(new SimpleRegister(215));
        image.addRegister(new SimpleRegister(2));
        image.addDigitalOut(new SimpleDigitalOut(false));
        gateway = new ModbusSimulatorServer("127.0.0.1", 0);
        gateway.addUnit(3, image);

        ConfigurationLoader loader = new ConfigurationLoader();
        ProfileCatalog profiles = ProfileCatalog.read(loader, Map.of("test-fan-coil.yaml", PROFILE));
        String yaml = SITE.replace("${PORT}", String.valueOf(gateway.port()));
        Site site = loader.readSite("site.yaml", yaml, profiles, UnaryOperator.identity());
        camel = new DefaultCamelContext();
        camel.getRegistry().bind("profiles", profiles);
        camel.start();
        PointWriter writer = new PointWriter(site, profiles, camel.createProducerTemplate(), Clock.fixed(NOW, ZoneOffset.UTC));
        mvc = MockMvcBuilders.standaloneSetup(new PointWriteController(writer)).setControllerAdvice(new RequestProblems()).build();
    }

    @AfterEach
    void stop() {
        camel.stop();
        gateway.close();
    }

    @Test
    void writesAWritableRegisterAndCoil() throws Exception {
        write("fcu-1", "setpoint", "{\"value\": 19.5}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.device").value("fcu-1"))
                .andExpect(jsonPath("$.point").value("setpoint"))
                .andExpect(jsonPath("$.value").value(19.5))
                .andExpect(jsonPath("$.writtenAt").exists());
        write("fcu-1", "run", "{\"value\": true}").andExpect(status().isOk());

        // one-based register 1 is the first holding register; the scale 0.1 is undone
        assertThat(image.getRegister(0).getValue()).isEqualTo(195);
        assertThat(image.getDigitalOut(0).isSet()).isTrue();
    }

    @Test
    void aPointTheProfileDoesNotMarkWritableIsForbidden() throws Exception {
        problem(write("fcu-1", "fan_speed", "{\"value\": 3}"), 403, "Point not writable", "writable: true");
        assertThat(image.getRegister(1).getValue()).isEqualTo(2);
    }

    @Test
    void refusalsAreProblemDetails() throws Exception {
        problem(write("fcu-9", "setpoint", "{\"value\": 1}"), 404, "Unknown device", "no device 'fcu-9'");
        problem(write("fcu-1", "nothing", "{\"value\": 1}"), 404, "Unknown point", "no point 'nothing'");
        problem(write("ahu-1", "setpoint", "{\"value\": 1}"), 409, "Writing not supported", "over opcua");
        problem(write("fcu-1", "setpoint", "{\"value\": \"warm\"}"), 400, "Bad value", "a number or a boolean");
        problem(write("fcu-1", "setpoint", "{}"), 400, "Missing value", "{\"value\"");
        problem(write("fcu-1", "setpoint", "{\"value\": 4000}"), 400, "Bad value", "does not fit a int16");
        problem(write("fcu-1", "setpoint", "value=20"), 400, "Bad request", "the body is not JSON (line 1, column 7): Unrecognized token 'value'");
        assertThat(image.getRegister(0).getValue()).isEqualTo(215);
    }

    @Test
    void aDeviceThatIsGoneIsABadGateway() throws Exception {
        gateway.close();
        problem(write("fcu-1", "setpoint", "{\"value\": 20}"), 502, "Device did not take the write", "fcu-1");
        gateway = new ModbusSimulatorServer("127.0.0.1", 0);
    }

    private ResultActions write(String device, String point, String json) throws Exception {
        return mvc.perform(post("/api/devices/{d}/points/{p}/write", device, point)
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private static void problem(ResultActions result, int status, String title, String detail) throws Exception {
        result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.title").value(title))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(detail)));
    }
}
