package io.caretaker.connectors.modbus;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class ModbusLinkTest {

    @Test
    void aHostThatDoesNotResolveIsSaidSoNotHiddenInJ2modsConstructorError() {
        try (ModbusLink link = new ModbusLink("no-such-gateway.invalid", 502, 1, 500)) {
            assertThatThrownBy(() -> link.readRegisters(3, 0, 1))
                    .isInstanceOf(UnknownHostException.class)
                    .hasMessageContaining("no-such-gateway.invalid");
        }
    }
}
