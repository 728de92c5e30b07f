package io.caretaker.connectors.opcua;

import io.caretaker.deviceprofiles.DeviceProfile;
import io.caretaker.deviceprofiles.ProfileCatalog;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

/**
 * The {@code opcua:<deviceId>} Camel component. Every device route has its own endpoint, but devices on the same
 * server (same endpoint URL, security and login) share one session and one subscription.
 */
public class OpcUaComponent extends DefaultComponent {

    /** Where the client certificate and trust list live unless configured otherwise. */
    public static final String DEFAULT_PKI_DIRECTORY = "data/opcua-client-pki";

    private ProfileCatalog profiles;
    private Clock clock;
    private String pkiDirectory = DEFAULT_PKI_DIRECTORY;
    private int maxItemsPerRequest = 500;
    private Supplier<ClientPki> sharedPki;
    private ClientPki pki;
    private boolean ownsPki;
    private ServerConnections connections;

    public void setProfiles(ProfileCatalog profiles) {
        this.profiles = profiles;
    }

    public void setClock(Clock clock) {
        this.clock = clock;
    }

    /** The directory of the client certificate and the trust list ({@code trusted/}, {@code rejected/}). */
    public void setPkiDirectory(String pkiDirectory) {
        this.pkiDirectory = pkiDirectory;
    }

    public String getPkiDirectory() {
        return pkiDirectory;
    }

    /** Uses an already open PKI (shared with the browser, say) instead of opening {@link #setPkiDirectory}. */
    public synchronized void setClientPki(ClientPki pki) {
        setClientPki(() -> pki);
    }

    /**
     * Uses a PKI shared with others, asked for only when the first OPC UA device connects: a hub without OPC UA
     * devices never loads its key store, nor generates a client certificate.
     */
    public synchronized void setClientPki(Supplier<ClientPki> pki) {
        this.sharedPki = pki;
        this.pki = null;
        this.ownsPki = false;
    }

    /** At most this many monitored items per CreateMonitoredItems request (fewer if the server says so). */
    public void setMaxItemsPerRequest(int maxItemsPerRequest) {
        if (maxItemsPerRequest < 1) {
            throw new IllegalArgumentException("opcua maxItemsPerRequest must be at least 1, got " + maxItemsPerRequest);
        }
        this.maxItemsPerRequest = maxItemsPerRequest;
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

    synchronized ServerConnections connections() {
        if (connections == null) {
            if (pki == null && sharedPki != null) {
                pki = sharedPki.get();
            } else if (pki == null) {
                pki = ClientPki.open(Path.of(pkiDirectory));
                ownsPki = true;
            }
            connections = new ServerConnections(new ClientFactory(pki), maxItemsPerRequest);
        }
        return connections;
    }

    @Override
    protected synchronized void doStop() throws Exception {
        if (connections != null) {
            connections.closeAll();
            connections = null;
        }
        if (pki != null && ownsPki) {
            pki.close();
            pki = null;
        }
        super.doStop();
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
