package io.caretaker.connectors.mqtt;

import java.time.Clock;
import java.util.List;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/** One broker connection and the devices behind it: {@code mqtt-devices:<connection>}. */
@UriEndpoint(scheme = "mqtt-devices", title = "MQTT devices", syntax = "mqtt-devices:connection", consumerOnly = true,
        category = {Category.IOT})
public class MqttDevicesEndpoint extends DefaultEndpoint {

    @UriPath(description = "Name of a connection registered with MqttDevicesComponent.addConnection")
    private final String connection;
    private final MqttConnectionSettings settings;
    private final List<MqttDevice> devices;
    private final Clock clock;

    MqttDevicesEndpoint(String uri, MqttDevicesComponent component, String connection, MqttConnectionSettings settings,
                        List<MqttDevice> devices, Clock clock) {
        super(uri, component);
        this.connection = connection;
        this.settings = settings;
        this.devices = devices;
        this.clock = clock;
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException("mqtt-devices:" + connection + " only receives; publishing is not supported");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        MqttDevicesConsumer consumer = new MqttDevicesConsumer(this, processor, settings, devices, clock);
        configureConsumer(consumer);
        return consumer;
    }

    public String getConnection() {
        return connection;
    }
}
