package io.caretaker.simulators.opcua;

import static org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
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
 * An embeddable Milo OPC UA server at {@code opc.tcp://host:port/caretaker} (security None, anonymous) on which
 * simulated devices live.
 */
public final class OpcUaSimulatorServer implements AutoCloseable {

    public static final String PATH = "/caretaker";
    public static final String NAMESPACE_URI = SimulatorNamespace.URI;
    private static final String APPLICATION_URI = "urn:caretaker:simulators:opcua";

    private final String host;
    private final int port;
    private final OpcUaServer server;
    private final SimulatorNamespace namespace;
    private final List<SimulatedAirHandler> airHandlers = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService ticker;

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
        try {
            OpcUaSimulatorServer simulator = new OpcUaSimulatorServer(host, port == 0 ? freePort(host) : port,
                    pkiDirectory);
            simulator.server.startup().get(10, TimeUnit.SECONDS);
            return simulator;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the OPC UA simulator", e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the OPC UA simulator on " + host + ":" + port, e);
        }
    }

    private OpcUaSimulatorServer(String host, int port, Path pkiDirectory) throws Exception {
        this.host = host;
        this.port = port;
        server = new OpcUaServer(config(host, port, pkiDirectory), transportProfile ->
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
            server.shutdown().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("OPC UA simulator on port " + port + " did not stop cleanly", e);
        }
    }

    private static OpcUaServerConfig config(String host, int port, Path pkiDirectory) throws Exception {
        KeyPair keyPair = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
        X509Certificate certificate = new SelfSignedCertificateBuilder(keyPair)
                .setCommonName("Caretaker OPC UA simulator")
                .setApplicationUri(APPLICATION_URI)
                .addDnsName("localhost")
                .addIpAddress("127.0.0.1")
                .build();
        var trustList = FileBasedTrustListManager.createAndInitialize(pkiDirectory);
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

        EndpointConfig endpoint = EndpointConfig.newBuilder()
                .setTransportProfile(TransportProfile.TCP_UASC_UABINARY)
                .setBindAddress(host)
                .setBindPort(port)
                .setHostname(host)
                .setPath(PATH)
                .setCertificate(certificate)
                .setSecurityPolicy(SecurityPolicy.None)
                .setSecurityMode(MessageSecurityMode.None)
                .addTokenPolicies(USER_TOKEN_POLICY_ANONYMOUS)
                .build();

        return OpcUaServerConfig.builder()
                .setApplicationUri(APPLICATION_URI)
                .setApplicationName(LocalizedText.english("Caretaker OPC UA simulator"))
                .setProductUri("urn:caretaker:simulators")
                .setBuildInfo(new BuildInfo("urn:caretaker:simulators", "caretaker", "Caretaker OPC UA simulator",
                        OpcUaServer.SDK_VERSION, "", DateTime.now()))
                .setEndpoints(Set.of(endpoint))
                .setCertificateManager(new DefaultCertificateManager(quarantine, applicationGroup))
                .setIdentityValidator(AnonymousIdentityValidator.INSTANCE)
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
