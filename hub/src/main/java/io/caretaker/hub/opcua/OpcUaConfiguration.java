package io.caretaker.hub.opcua;

import io.caretaker.connectors.opcua.ClientPki;
import io.caretaker.connectors.opcua.OpcUaComponent;
import java.nio.file.Path;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The {@code opcua} Camel component and the browser share one client certificate and trust list, opened when the
 * first OPC UA device connects or the first browse comes: a site without OPC UA does not pay for loading the key
 * store and the security provider at start-up, nor for generating a 2048-bit key on the first start.
 */
@Configuration(proxyBeanMethods = false)
class OpcUaConfiguration {

    @Lazy
    @Bean(destroyMethod = "close")
    ClientPki opcUaClientPki(OpcUaProperties properties) {
        return ClientPki.open(Path.of(properties.pkiDirectory()));
    }

    // Camel picks up a bean named like the scheme as that component.
    @Bean("opcua")
    OpcUaComponent opcua(ObjectProvider<ClientPki> pki, OpcUaProperties properties, Clock clock) {
        OpcUaComponent component = new OpcUaComponent();
        component.setPkiDirectory(properties.pkiDirectory());
        component.setClientPki(pki::getObject);
        component.setMaxItemsPerRequest(properties.maxItemsPerRequest());
        component.setClock(clock);
        return component;
    }
}
