package io.caretaker.connectors.mqtt;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

/**
 * The {@code mqtt-devices} Camel component: {@code mqtt-devices:<connection>} is one MQTT connection to a broker
 * carrying the messages of every device registered for it with {@link #addConnection}.
 */
public class MqttDevicesComponent extends DefaultComponent {

    private final Map<String, Registered> connections = new ConcurrentHashMap<>();
    private Clock clock;

    /** Registers a connection by name before a route uses {@code mqtt-devices:<name>}. */
    public void addConnection(String name, MqttConnectionSettings settings, List<MqttDevice> devices) {
        new TopicRouter(devices); // fails now, naming the devices, if two claim one topic
        connections.put(name, new Registered(settings, List.copyOf(devices)));
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) {
        Registered registered = connections.get(remaining);
        if (registered == null) {
            throw new IllegalArgumentException("mqtt-devices:" + remaining + " is not a registered connection; known: "
                    + connections.keySet() + ". Call MqttDevicesComponent.addConnection first");
        }
        return new MqttDevicesEndpoint(uri, this, remaining, registered.settings(), registered.devices(), clock());
    }

    private Clock clock() {
        if (clock == null) {
            Clock bound = getCamelContext().getRegistry().findSingleByType(Clock.class);
            clock = bound != null ? bound : Clock.systemUTC();
        }
        return clock;
    }

    public void setClock(Clock clock) {
        this.clock = clock;
    }

    private record Registered(MqttConnectionSettings settings, List<MqttDevice> devices) {
    }
}
