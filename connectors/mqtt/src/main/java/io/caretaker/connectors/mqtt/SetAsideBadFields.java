package io.caretaker.connectors.mqtt;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The last route step: once the good parts of a partly bad message are on their way, the message is set aside
 * for its bad fields (wrong type, missing required field, a line that matches nothing), so they are counted too.
 */
public final class SetAsideBadFields implements Processor {

    @Override
    public void process(Exchange exchange) {
        DecodedMessage decoded = exchange.getProperty(MqttDevicesConsumer.PROBLEMS, DecodedMessage.class);
        if (decoded == null || decoded.problems().isEmpty()) {
            return;
        }
        exchange.getMessage().setBody(exchange.getProperty(MqttDevicesConsumer.RAW_PAYLOAD));
        String device = exchange.getProperty(MqttDevicesConsumer.DEVICE, String.class);
        StringBuilder detail = new StringBuilder();
        decoded.problems().forEach(p -> detail.append(detail.isEmpty() ? "" : "; ").append(p.detail()));
        throw new MalformedPayloadException(device, decoded.problems().get(0).cause(), detail.toString());
    }
}
