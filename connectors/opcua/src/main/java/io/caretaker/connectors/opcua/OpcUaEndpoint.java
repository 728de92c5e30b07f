package io.caretaker.connectors.opcua;

import io.caretaker.deviceprofiles.DeviceProfile;
import java.time.Clock;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;

/** One OPC UA device: the server endpoint, its profile and where its nodes sit ({@code nodePrefix}). */
public class OpcUaEndpoint extends DefaultEndpoint {

    private final String deviceId;
    private String endpoint;
    private String profile;
    private String nodePrefix = "";
    private long samplingInterval = 1000;
    private long publishingInterval = 1000;
    private DeviceProfile deviceProfile;
    private Clock clock;

    OpcUaEndpoint(String uri, OpcUaComponent component, String deviceId) {
        super(uri, component);
        this.deviceId = deviceId;
    }

    void bind(DeviceProfile deviceProfile, Clock clock) {
        if (endpoint == null || !endpoint.startsWith("opc.tcp://")) {
            throw new IllegalArgumentException("opcua endpoint for device '" + deviceId
                    + "' needs endpoint=opc.tcp://host:port/path, got: " + endpoint);
        }
        this.deviceProfile = deviceProfile;
        this.clock = clock;
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        OpcUaConsumer consumer = new OpcUaConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException("opcua endpoints only consume; writing to devices is not supported");
    }

    DeviceSubscription.Settings settings() {
        return new DeviceSubscription.Settings(deviceId, endpoint, deviceProfile, nodePrefix, samplingInterval,
                publishingInterval, clock);
    }

    public String getDeviceId() {
        return deviceId;
    }

    public String getEndpoint() {
        return endpoint;
    }

    /** The server's endpoint URL, {@code opc.tcp://host:port/path}. */
    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }

    public String getProfile() {
        return profile;
    }

    /** The device profile id, e.g. {@code air-handler-basic}. */
    public void setProfile(String profile) {
        this.profile = profile;
    }

    public String getNodePrefix() {
        return nodePrefix;
    }

    /** Fills {@code {prefix}} in the profile's node ids, e.g. {@code ahu-1/}. */
    public void setNodePrefix(String nodePrefix) {
        this.nodePrefix = nodePrefix;
    }

    public long getSamplingInterval() {
        return samplingInterval;
    }

    /** Milliseconds between the server's samples of each node. */
    public void setSamplingInterval(long samplingInterval) {
        this.samplingInterval = samplingInterval;
    }

    public long getPublishingInterval() {
        return publishingInterval;
    }

    /** Milliseconds between the server's notification batches. */
    public void setPublishingInterval(long publishingInterval) {
        this.publishingInterval = publishingInterval;
    }
}
