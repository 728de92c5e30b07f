package io.caretaker.connectors.opcua;

import io.caretaker.deviceprofiles.DeviceProfile;
import io.caretaker.deviceprofiles.ProfileCatalog;
import java.time.Clock;
import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

/** The {@code opcua:<deviceId>} Camel component: one subscription per device, samples shaped by its profile. */
public class OpcUaComponent extends DefaultComponent {

    private ProfileCatalog profiles;
    private Clock clock;

    public void setProfiles(ProfileCatalog profiles) {
        this.profiles = profiles;
    }

    public void setClock(Clock clock) {
        this.clock = clock;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (remaining == null || remaining.isBlank()) {
            throw new IllegalArgumentException("opcua endpoint '" + uri + "' names no device; use opcua:<deviceId>?...");
        }
        OpcUaEndpoint endpoint = new OpcUaEndpoint(uri, this, remaining);
        setProperties(endpoint, parameters);
        endpoint.bind(profile(uri, endpoint.getProfile()), clock());
        return endpoint;
    }

    private DeviceProfile profile(String uri, String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("opcua endpoint '" + uri + "' has no profile; add profile=<profile id>");
        }
        ProfileCatalog catalog = profiles != null ? profiles
                : getCamelContext().getRegistry().findSingleByType(ProfileCatalog.class);
        if (catalog == null) {
            throw new IllegalStateException("opcua endpoint '" + uri + "' needs a ProfileCatalog; set one on the "
                    + "component or bind exactly one in the registry");
        }
        return catalog.find(id).orElseThrow(() -> new IllegalArgumentException("opcua endpoint '" + uri
                + "' names unknown profile '" + id + "'; known profiles: " + catalog.ids()));
    }

    private Clock clock() {
        if (clock != null) {
            return clock;
        }
        Clock bound = getCamelContext().getRegistry().findSingleByType(Clock.class);
        return bound != null ? bound : Clock.systemUTC();
    }
}
