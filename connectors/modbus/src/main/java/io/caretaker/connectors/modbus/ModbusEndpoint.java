package io.caretaker.connectors.modbus;

import io.caretaker.deviceprofiles.DeviceProfile;
import java.time.Clock;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;

/**
 * A Modbus TCP device described by its profile: {@code modbus:<deviceId>?host=..&port=502&unitId=1&profile=..}.
 * As a consumer it polls the device; as a producer it writes the message body to the point named by the
 * {@value #POINT_HEADER} header, if the profile marks that point writable.
 */
@UriEndpoint(scheme = "modbus", title = "Modbus TCP", syntax = "modbus:deviceId", category = {Category.IOT})
public class ModbusEndpoint extends ScheduledPollEndpoint {

    static final long DEFAULT_POLL_INTERVAL = 5000;
    /** The header naming the point a producer writes the body to. */
    public static final String POINT_HEADER = "CaretakerPointId";

    @UriPath(description = "Device id the samples carry")
    @Metadata(required = true)
    private final String deviceId;
    @UriParam(description = "Host name or address of the device or its gateway")
    @Metadata(required = true)
    private String host;
    @UriParam(defaultValue = "502")
    private int port = 502;
    @UriParam(defaultValue = "1", description = "Modbus unit id (slave id) behind the host, 1..247")
    private int unitId = 1;
    @UriParam(description = "Device profile id whose Modbus bindings are read")
    @Metadata(required = true)
    private String profile;
    @UriParam(defaultValue = "5000", description = "Milliseconds between polls")
    private long pollInterval = DEFAULT_POLL_INTERVAL;
    @UriParam(defaultValue = "3000", description = "Milliseconds to wait for connect and for each answer")
    private int timeout = 3000;
    @UriParam(description = "Largest run of unused registers read to join two points in one request;"
            + " default: the profile's modbus.maxGap")
    private Integer maxGap;

    private DeviceProfile deviceProfile;
    private Clock clock;

    ModbusEndpoint(String uri, ModbusComponent component, String deviceId) {
        super(uri, component);
        this.deviceId = deviceId;
        setDelay(DEFAULT_POLL_INTERVAL);
    }

    @Override
    public Producer createProducer() {
        return new ModbusProducer(this, deviceProfile);
    }

    ModbusLink newLink() {
        return new ModbusLink(host, port, unitId, timeout);
    }

    int effectiveMaxGap() {
        return maxGap != null ? maxGap : deviceProfile.modbus().maxGap();
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        ModbusConsumer consumer = new ModbusConsumer(this, processor, deviceProfile, clock);
        configureConsumer(consumer);
        return consumer;
    }

    void bind(DeviceProfile deviceProfile, Clock clock) {
        this.deviceProfile = deviceProfile;
        this.clock = clock;
    }

    public String getDeviceId() {
        return deviceId;
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public int getPort() {
        return port;
    }

    public void setPort(int port) {
        this.port = port;
    }

    public int getUnitId() {
        return unitId;
    }

    public void setUnitId(int unitId) {
        this.unitId = unitId;
    }

    public String getProfile() {
        return profile;
    }

    public void setProfile(String profile) {
        this.profile = profile;
    }

    public long getPollInterval() {
        return pollInterval;
    }

    /** The scheduler's {@code delay} follows, so the poll interval is the one knob users set. */
    public void setPollInterval(long pollInterval) {
        this.pollInterval = pollInterval;
        setDelay(pollInterval);
    }

    public int getTimeout() {
        return timeout;
    }

    public void setTimeout(int timeout) {
        this.timeout = timeout;
    }

    public Integer getMaxGap() {
        return maxGap;
    }

    public void setMaxGap(Integer maxGap) {
        this.maxGap = maxGap;
    }
}
