package io.caretaker.hub.opcua;

import io.caretaker.connectors.opcua.ClientPki;
import io.caretaker.connectors.opcua.OpcUaComponent;
import java.nio.file.Path;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@code opcua} Camel component and the browser share one client certificate and trust list. */
@Configuration(proxyBeanMethods = false)
class OpcUaConfiguration {

    @Bean(destroyMethod = "close")
    ClientPki opcUaClientPki(OpcUaProperties properties) {
        return ClientPki.open(Path.of(properties.pkiDirectory()));
    }

    // Camel picks up a bean named like the scheme as that component.
    @Bean("opcua")
    OpcUaComponent opcua(ClientPki pki, OpcUaProperties properties, Clock clock) {
        OpcUaComponent component = new OpcUaComponent();
        component.setPkiDirectory(properties.pkiDirectory());
        component.setClientPki(pki);
        component.setMaxItemsPerRequest(properties.maxItemsPerRequest());
        component.setClock(clock);
        return component;
    }
}
