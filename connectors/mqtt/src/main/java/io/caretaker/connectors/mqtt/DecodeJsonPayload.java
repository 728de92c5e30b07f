package io.caretaker.connectors.mqtt;

import io.caretaker.deviceprofiles.DeviceProfile;
import java.time.Clock;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** The Camel step after a paho-mqtt5 consumer: the message body becomes the device's {@code List<PointSample>}. */
public final class DecodeJsonPayload implements Processor {

    private final JsonPayloadDecoder decoder;
    private final Clock clock;

    public DecodeJsonPayload(String deviceId, DeviceProfile profile, Clock clock) {
        this.decoder = new JsonPayloadDecoder(deviceId, profile);
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) {
        byte[] payload = exchange.getMessage().getBody(byte[].class);
        exchange.getMessage().setBody(decoder.decode(payload == null ? new byte[0] : payload, clock.instant()));
    }
}
