package io.caretaker.connectors.opcua;

import io.caretaker.deviceprofiles.DeviceProfile;
import io.caretaker.deviceprofiles.Protocol;
import java.time.Clock;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;

/**
 * One OPC UA device: the server endpoint and how to log in, its profile and where its nodes sit
 * ({@code nodePrefix}). Sampling and publishing intervals come from the profile's {@code opcua} section unless
 * given here.
 */
public class OpcUaEndpoint extends DefaultEndpoint {

    private final String deviceId;
    private String endpoint;
    private String profile;
    private String nodePrefix = "";
    private Long samplingInterval;
    private Long publishingInterval;
    private String securityPolicy;
    private String securityMode;
    private String username;
    private String password;
    private ServerAddress address;
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
        try {
            this.address = new ServerAddress(endpoint, ServerAddress.policy(securityPolicy),
                    ServerAddress.mode(securityMode), blankToNull(username), blankToNull(password));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("opcua device '" + deviceId + "': " + e.getMessage(), e);
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

    ServerAddress address() {
        return address;
    }

    DeviceRegistration registration(DeviceRegistration.Listener listener) {
        long sampling = samplingInterval != null ? samplingInterval
                : deviceProfile.opcua().samplingInterval().toMillis();
        long publishing = publishingInterval != null ? publishingInterval
                : deviceProfile.opcua().publishingInterval().toMillis();
        return new DeviceRegistration(deviceId, deviceProfile.pointsBoundTo(Protocol.OPCUA), nodePrefix, sampling,
                publishing, clock, listener);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
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

    public Long getSamplingInterval() {
        return samplingInterval;
    }

    /** Milliseconds between the server's samples of each node; overrides the profile's. */
    public void setSamplingInterval(Long samplingInterval) {
        this.samplingInterval = samplingInterval;
    }

    public Long getPublishingInterval() {
        return publishingInterval;
    }

    /** Milliseconds between the server's notification batches; overrides the profile's. */
    public void setPublishingInterval(Long publishingInterval) {
        this.publishingInterval = publishingInterval;
    }

    public String getSecurityPolicy() {
        return securityPolicy;
    }

    /** {@code None} (default) or {@code Basic256Sha256}. */
    public void setSecurityPolicy(String securityPolicy) {
        this.securityPolicy = securityPolicy;
    }

    public String getSecurityMode() {
        return securityMode;
    }

    /** {@code None}, {@code Sign} or {@code SignAndEncrypt} (the default with a secure policy). */
    public void setSecurityMode(String securityMode) {
        this.securityMode = securityMode;
    }

    public String getUsername() {
        return username;
    }

    /** User name for a UserName login; anonymous when absent. */
    public void setUsername(String username) {
        this.username = username;
    }

    /** Password for a UserName login; Camel masks {@code password=} in the URIs it logs. */
    public void setPassword(String password) {
        this.password = password;
    }
}
