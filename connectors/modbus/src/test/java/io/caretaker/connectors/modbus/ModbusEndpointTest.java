package io.caretaker.connectors.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.caretaker.deviceprofiles.ConfigurationLoader;
import io.caretaker.deviceprofiles.ProfileCatalog;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The endpoint's plan follows the profile's modbus section, and its own maxGap overrides it. */
class ModbusEndpointTest {

    private static final String PROFILE = """
            formatVersion: 1
            id: test-gaps
            name: Gaps
            family: meter
            modbus: {registerNumbering: one-based, inputRegisterFunction: 4, maxGap: 5}
            points:
              - {id: a, kind: number, bindings: {modbus: {table: input-register, address: 1, type: float32}}}
              - {id: b, kind: number, bindings: {modbus: {table: input-register, address: 9, type: float32}}}
              - {id: c, kind: number, bindings: {modbus: {table: input-register, address: 30001, type: float32}}}
            rules:
              - {id: silent, type: no-data, after: 1m, severity: MINOR}
            """;

    private CamelContext camel;

    @BeforeEach
    void start() {
        camel = new DefaultCamelContext();
        camel.getRegistry().bind("profiles", ProfileCatalog.read(new ConfigurationLoader(), Map.of("test-gaps.yaml", PROFILE)));
        camel.start();
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    @Test
    void theProfilesMaxGapAndNumberingShapeTheRequests() throws Exception {
        assertThat(plan("modbus:m1?host=127.0.0.1&profile=test-gaps"))
                .extracting(ReadBlock::function, ReadBlock::start, ReadBlock::count)
                .containsExactly(tuple(4, 0, 2), tuple(4, 8, 2), tuple(4, 30000, 2));
        assertThat(plan("modbus:m2?host=127.0.0.1&profile=test-gaps&maxGap=6"))
                .extracting(ReadBlock::start, ReadBlock::count)
                .containsExactly(tuple(0, 10), tuple(30000, 2));
    }

    @Test
    void aMaxGapBeyondOneRequestIsRefused() {
        assertThatThrownBy(() -> camel.getEndpoint("modbus:m3?host=127.0.0.1&profile=test-gaps&maxGap=200"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasStackTraceContaining("maxGap=200 must be 0..125");
    }

    private java.util.List<ReadBlock> plan(String uri) throws Exception {
        ModbusEndpoint endpoint = camel.getEndpoint(uri, ModbusEndpoint.class);
        ModbusConsumer consumer = (ModbusConsumer) endpoint.createConsumer(exchange -> { });
        return consumer.plan();
    }
}
