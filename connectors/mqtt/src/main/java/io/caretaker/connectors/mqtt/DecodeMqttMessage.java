package io.caretaker.connectors.mqtt;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The route step after {@code mqtt-devices:}: the payload becomes the device's samples and events. A message no
 * device claims, or one that cannot be read at all, fails here and is set aside by the route's error handling.
 */
public final class DecodeMqttMessage implements Processor {

    @Override
    public void process(Exchange exchange) {
        if (!exchange.getMessage().hasHeaders() || exchange.getMessage().getHeader(MqttDevicesConsumer.TOPIC) == null) {
            return; // the connection's own COMM_LOSS records, already decoded
        }
        String topic = exchange.getMessage().getHeader(MqttDevicesConsumer.TOPIC, String.class);
        PayloadDecoder decoder = exchange.getProperty(MqttDevicesConsumer.DECODER, PayloadDecoder.class);
        byte[] payload = exchange.getMessage().getBody(byte[].class);
        if (decoder == null) {
            throw new MalformedPayloadException(exchange.getProperty(MqttDevicesConsumer.UNKNOWN_DEVICE, topic, String.class),
                    MalformedPayloadException.Cause.UNKNOWN_DEVICE, "topic " + topic + " belongs to no device in the site file;"
                    + " add the device or correct its topic");
        }
        DecodedMessage decoded = decoder.decode(payload == null ? new byte[0] : payload, exchange.getProperty(MqttDevicesConsumer.RECEIVED_AT, java.time.Instant.class));
        exchange.setProperty(MqttDevicesConsumer.RAW_PAYLOAD, payload);
        exchange.setProperty(MqttDevicesConsumer.PROBLEMS, decoded);
        exchange.getMessage().setBody(decoded.records());
    }
}
