package io.caretaker.connectors.modbus;

import io.caretaker.deviceprofiles.DeviceProfile;
import io.caretaker.deviceprofiles.ProfileCatalog;
import java.time.Clock;
import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

/** The {@code modbus} Camel component: polls Modbus TCP devices as their device profiles describe. */
public class ModbusComponent extends DefaultComponent {

    private ProfileCatalog profiles;
    private Clock clock;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (remaining == null || remaining.isBlank()) {
            throw new IllegalArgumentException("modbus endpoint needs a device id: modbus:<deviceId>?host=..&profile=..");
        }
        ModbusEndpoint endpoint = new ModbusEndpoint(uri, this, remaining);
        setProperties(endpoint, parameters);
        endpoint.bind(profile(endpoint), clock());
        validate(endpoint);
        return endpoint;
    }

    private DeviceProfile profile(ModbusEndpoint endpoint) {
        if (endpoint.getProfile() == null) {
            throw new IllegalArgumentException("modbus:" + endpoint.getDeviceId() + " needs profile=<profile id>");
        }
        ProfileCatalog catalog = profiles();
        return catalog.find(endpoint.getProfile()).orElseThrow(() -> new IllegalArgumentException(
                "modbus:" + endpoint.getDeviceId() + " names unknown device profile '" + endpoint.getProfile()
                        + "'; known profiles: " + catalog.ids()));
    }

    private static void validate(ModbusEndpoint endpoint) {
        String device = "modbus:" + endpoint.getDeviceId();
        if (endpoint.getHost() == null || endpoint.getHost().isBlank()) {
            throw new IllegalArgumentException(device + " needs host=<address of the device or gateway>");
        }
        if (endpoint.getPort() < 1 || endpoint.getPort() > 65535) {
            throw new IllegalArgumentException(device + " port=" + endpoint.getPort() + " must be 1..65535");
        }
        if (endpoint.getUnitId() < 0 || endpoint.getUnitId() > 255) {
            throw new IllegalArgumentException(device + " unitId=" + endpoint.getUnitId() + " must be 0..255 (usually 1..247)");
        }
        if (endpoint.getPollInterval() < 1 || endpoint.getTimeout() < 1) {
            throw new IllegalArgumentException(device + " pollInterval and timeout must be positive milliseconds");
        }
        if (endpoint.getMaxGap() != null && (endpoint.getMaxGap() < 0 || endpoint.getMaxGap() > ReadPlanner.MAX_REGISTERS)) {
            throw new IllegalArgumentException(device + " maxGap=" + endpoint.getMaxGap() + " must be 0.."
                    + ReadPlanner.MAX_REGISTERS + " registers");
        }
    }

    private ProfileCatalog profiles() {
        if (profiles == null) {
            profiles = getCamelContext().getRegistry().findSingleByType(ProfileCatalog.class);
        }
        if (profiles == null) {
            throw new IllegalStateException("the modbus component needs a ProfileCatalog: call setProfiles(..) or"
                    + " bind exactly one ProfileCatalog in the Camel registry");
        }
        return profiles;
    }

    private Clock clock() {
        if (clock == null) {
            Clock bound = getCamelContext().getRegistry().findSingleByType(Clock.class);
            clock = bound != null ? bound : Clock.systemUTC();
        }
        return clock;
    }

    public ProfileCatalog getProfiles() {
        return profiles;
    }

    public void setProfiles(ProfileCatalog profiles) {
        this.profiles = profiles;
    }

    public Clock getClock() {
        return clock;
    }

    public void setClock(Clock clock) {
        this.clock = clock;
    }
}
