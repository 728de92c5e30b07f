package io.caretaker.simulators.opcua;

import static org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS;
import static org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig.USER_TOKEN_POLICY_USERNAME;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.milo.opcua.sdk.server.EndpointConfig;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig;
import org.eclipse.milo.opcua.sdk.server.identity.AnonymousIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.identity.IdentityValidator;
import org.eclipse.milo.opcua.sdk.server.identity.UsernameIdentityValidator;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.UserTokenPolicy;
import org.eclipse.milo.opcua.stack.core.security.DefaultApplicationGroup;
import org.eclipse.milo.opcua.stack.core.security.DefaultCertificateManager;
import org.eclipse.milo.opcua.stack.core.security.DefaultServerCertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.FileBasedCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.FileBasedTrustListManager;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateStore;
import org.eclipse.milo.opcua.stack.core.security.RsaSha256CertificateFactory;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.transport.TransportProfile;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.BuildInfo;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransport;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransportConfig;

/**
 * An embeddable Milo OPC UA server at {@code opc.tcp://host:port/caretaker} on which simulated devices live:
 * security None and anonymous by default, or Basic256Sha256 (Sign and SignAndEncrypt) with a user name and
 * password, as real plant servers are set up.
 */
public final class OpcUaSimulatorServer implements AutoCloseable {

    /** How clients must connect: {@link #NONE}, or Basic256Sha256 with this user name and password. */
    public record Security(boolean secure, String username, String password) {

        public static final Security NONE = new Security(false, null, null);

        public static Security basic256Sha256(String username, String password) {
            return new Security(true, username, password);
        }

        @Override
        public String toString() {
            return secure ? "Basic256Sha256 user " + username : "None";
        }
    }

    public static final String PATH = "/caretaker";
    public static final String NAMESPACE_URI = SimulatorNamespace.URI;
    private static final String APPLICATION_URI = "urn:caretaker:simulators:opcua";
    private static final String IDENTITY_FILE = "simulator.pfx";
    private static final String IDENTITY_ALIAS = "simulator";
    // a simulator's key protects nothing real: the store only bundles key and certificate
    private static final char[] IDENTITY_PASSWORD = "caretaker-simulator".toCharArray();

    private final String host;
    private final int port;
    private final OpcUaServer server;
    private final SimulatorNamespace namespace;
    private final List<SimulatedAirHandler> airHandlers = new CopyOnWriteArrayList<>();
    private final List<org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode> bulkVariables = new CopyOnWriteArrayList<>();
    private long bulkChanges;
    private final ScheduledExecutorService ticker;
    private final FileBasedTrustListManager trustList;
    private final X509Certificate certificate;

    /** Starts a server whose PKI lives in a fresh temporary directory; port 0 picks a free port. */
    public static OpcUaSimulatorServer start(String host, int port) {
        try {
            return start(host, port, Files.createTempDirectory("caretaker-opcua-sim-pki"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a PKI directory for the OPC UA simulator", e);
        }
    }

    /** Starts a server keeping its trust list and rejected certificates under {@code pkiDirectory}. */
    public static OpcUaSimulatorServer start(String host, int port, Path pkiDirectory) {
        return start(host, port, pkiDirectory, Security.NONE);
    }

    /**
     * Starts a server with the given security. A secure server accepts only clients whose certificate is in
     * {@code <pkiDirectory>/trusted/certs} (see {@link #trustClient}); others land in {@code rejected/certs}.
     */
    public static OpcUaSimulatorServer start(String host, int port, Path pkiDirectory, Security security) {
        try {
            OpcUaSimulatorServer simulator = new OpcUaSimulatorServer(host, port == 0 ? freePort(host) : port,
                    pkiDirectory, security);
            simulator.server.startup().get(10, TimeUnit.SECONDS);
            return simulator;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the OPC UA simulator", e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the OPC UA simulator on " + host + ":" + port, e);
        }
    }

    private OpcUaSimulatorServer(String host, int port, Path pkiDirectory, Security security) throws Exception {
        this.host = host;
        this.port = port;
        KeyStore identity = identity(pkiDirectory);
        certificate = (X509Certificate) identity.getCertificate(IDENTITY_ALIAS);
        KeyPair keyPair = new KeyPair(certificate.getPublicKey(), (PrivateKey) identity.getKey(IDENTITY_ALIAS, IDENTITY_PASSWORD));
        trustList = FileBasedTrustListManager.createAndInitialize(pkiDirectory);
        server = new OpcUaServer(config(host, port, pkiDirectory, security, keyPair, certificate, trustList), transportProfile ->
                new OpcTcpServerTransport(OpcTcpServerTransportConfig.newBuilder().build()));
        namespace = new SimulatorNamespace(server);
        namespace.startup();
        ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "opcua-simulator-" + port);
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleAtFixedRate(() -> airHandlers.forEach(SimulatedAirHandler::tick), 1, 1, TimeUnit.SECONDS);
    }

    /** Adds an air handler whose variables are {@code <prefix>SupplyAirTemperature} and so on. */
    public SimulatedAirHandler addAirHandler(String deviceId, String prefix, Clock clock) {
        SimulatedAirHandler airHandler = new SimulatedAirHandler(deviceId, prefix, clock, namespace);
        airHandlers.add(airHandler);
        return airHandler;
    }

    /** Adds a device simulated from its profile, its node ids' {@code {prefix}} filled with {@code prefix}. */
    public ProfileNodes addDevice(io.caretaker.simulators.model.DeviceModel device, String prefix) {
        return new ProfileNodes(device, prefix, namespace);
    }

    /** Adds a device of {@code count} steady Double variables {@code <prefix>Value0..}, for load and batching tests. */
    public void addBulkDevice(String deviceId, String prefix, int count) {
        var folder = namespace.addFolder("Devices/" + deviceId, deviceId);
        DateTime now = DateTime.now();
        for (int i = 0; i < count; i++) {
            var variable = namespace.addVariable(folder, prefix + "Value" + i, "Value" + i, NodeIds.Double);
            variable.setValue(new DataValue(new Variant((double) i), StatusCode.GOOD, now, now));
            bulkVariables.add(variable);
        }
    }

    /**
     * Gives every variable of the bulk devices a new value stamped now, so subscribers see a change per variable;
     * a load test calls it at the rate it wants changes. Returns the number of variables changed.
     */
    public synchronized int changeBulkValues() {
        bulkChanges++;
        DateTime now = DateTime.now();
        int i = 0;
        for (var variable : bulkVariables) {
            variable.setValue(new DataValue(new Variant((double) (i++ + bulkChanges)), StatusCode.GOOD, now, now));
        }
        return i;
    }

    /** Lets a client with this certificate open a secure channel, as an operator trusting the hub would. */
    public void trustClient(X509Certificate clientCertificate) {
        trustList.addTrustedCertificate(clientCertificate);
    }

    /** The certificate this server presents to clients. */
    public X509Certificate certificate() {
        return certificate;
    }

    /** Sessions open right now. */
    public int sessionCount() {
        return server.getDiagnosticsSummary().getCurrentSessionCount().intValue();
    }

    /** Subscriptions open right now, across all sessions. */
    public int subscriptionCount() {
        return server.getSubscriptions().size();
    }

    /** The number of items in each CreateMonitoredItems request this server has served, in order. */
    public List<Integer> monitoredItemRequests() {
        return namespace.createdItemBatches();
    }

    /** The publishing intervals of the open subscriptions, as the server revised them (ms). */
    public List<Double> publishingIntervals() {
        return server.getSubscriptions().values().stream().map(s -> s.getPublishingInterval()).toList();
    }

    /** The distinct sampling intervals of the monitored items created so far (ms). */
    public Set<Double> samplingIntervals() {
        return namespace.samplingIntervals();
    }

    public int port() {
        return port;
    }

    public String endpointUrl() {
        return "opc.tcp://" + host + ":" + port + PATH;
    }

    /** The current value of one of this server's nodes, as a subscriber would sample it. */
    DataValue valueOf(String stringNodeId) {
        return namespace.valueOf(stringNodeId);
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        namespace.shutdown();
        try {
            trustList.close();
        } catch (IOException e) {
            // only the file watcher; the server stops regardless
        }
        try {
            server.shutdown().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("OPC UA simulator on port " + port + " did not stop cleanly", e);
        }
    }

    /**
     * The server's key and certificate, made on the first start in {@code <pkiDirectory>/own} and kept: generating a
     * 2048-bit key took a second of every demo start.
     */
    private static KeyStore identity(Path pkiDirectory) throws Exception {
        Path own = pkiDirectory.resolve("own");
        Path file = own.resolve(IDENTITY_FILE);
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                keyStore.load(in, IDENTITY_PASSWORD);
            }
            if (keyStore.getCertificate(IDENTITY_ALIAS) != null && keyStore.getKey(IDENTITY_ALIAS, IDENTITY_PASSWORD) != null) {
                return keyStore;
            }
        }
        KeyPair keyPair = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
        X509Certificate generated = new SelfSignedCertificateBuilder(keyPair)
                .setCommonName("Caretaker OPC UA simulator")
                .setApplicationUri(APPLICATION_URI)
                .addDnsName("localhost")
                .addIpAddress("127.0.0.1")
                .build();
        keyStore.load(null, IDENTITY_PASSWORD);
        keyStore.setKeyEntry(IDENTITY_ALIAS, keyPair.getPrivate(), IDENTITY_PASSWORD, new X509Certificate[] {generated});
        Files.createDirectories(own);
        Path partial = own.resolve(IDENTITY_FILE + ".new");
        try (OutputStream out = Files.newOutputStream(partial)) {
            keyStore.store(out, IDENTITY_PASSWORD);
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
        return keyStore;
    }

    private static OpcUaServerConfig config(String host, int port, Path pkiDirectory, Security security,
                                            KeyPair keyPair, X509Certificate certificate,
                                            FileBasedTrustListManager trustList) throws Exception {
        var quarantine = FileBasedCertificateQuarantine.create(pkiDirectory.resolve("rejected").resolve("certs"));
        var certificateFactory = new RsaSha256CertificateFactory() {
            @Override
            protected KeyPair createRsaSha256KeyPair() {
                return keyPair;
            }

            @Override
            protected X509Certificate[] createRsaSha256CertificateChain(KeyPair ignored) {
                return new X509Certificate[] {certificate};
            }
        };
        var applicationGroup = DefaultApplicationGroup.createAndInitialize(trustList, new MemoryCertificateStore(),
                certificateFactory, new DefaultServerCertificateValidator(trustList, quarantine));

        Set<EndpointConfig> endpoints = new java.util.LinkedHashSet<>();
        if (security.secure()) {
            for (MessageSecurityMode mode : List.of(MessageSecurityMode.Sign, MessageSecurityMode.SignAndEncrypt)) {
                endpoints.add(endpoint(host, port, certificate, SecurityPolicy.Basic256Sha256, mode,
                        USER_TOKEN_POLICY_USERNAME));
            }
        } else {
            endpoints.add(endpoint(host, port, certificate, SecurityPolicy.None, MessageSecurityMode.None,
                    USER_TOKEN_POLICY_ANONYMOUS));
        }
        IdentityValidator identities = security.secure()
                ? new UsernameIdentityValidator(challenge -> security.username().equals(challenge.getUsername())
                        && security.password().equals(challenge.getPassword()))
                : AnonymousIdentityValidator.INSTANCE;

        return OpcUaServerConfig.builder()
                .setApplicationUri(APPLICATION_URI)
                .setApplicationName(LocalizedText.english("Caretaker OPC UA simulator"))
                .setProductUri("urn:caretaker:simulators")
                .setBuildInfo(new BuildInfo("urn:caretaker:simulators", "caretaker", "Caretaker OPC UA simulator",
                        OpcUaServer.SDK_VERSION, "", DateTime.now()))
                .setEndpoints(endpoints)
                .setCertificateManager(new DefaultCertificateManager(quarantine, applicationGroup))
                .setIdentityValidator(identities)
                .build();
    }

    private static EndpointConfig endpoint(String host, int port, X509Certificate certificate, SecurityPolicy policy,
                                           MessageSecurityMode mode, UserTokenPolicy tokenPolicy) {
        return EndpointConfig.newBuilder()
                .setTransportProfile(TransportProfile.TCP_UASC_UABINARY)
                .setBindAddress(host)
                .setBindPort(port)
                .setHostname(host)
                .setPath(PATH)
                .setCertificate(certificate)
                .setSecurityPolicy(policy)
                .setSecurityMode(mode)
                .addTokenPolicies(tokenPolicy)
                .build();
    }

    // Milo does not expose the port it bound, so port 0 is resolved here, just before binding.
    private static int freePort(String host) throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), 0));
            return socket.getLocalPort();
        }
    }
}
