package io.caretaker.connectors.opcua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.caretaker.deviceprofiles.ConfigurationLoader;
import io.caretaker.deviceprofiles.ProfileCatalog;
import io.caretaker.deviceprofiles.canonical.DeviceEvent;
import io.caretaker.simulators.opcua.OpcUaSimulatorServer;
import io.caretaker.simulators.opcua.OpcUaSimulatorServer.Security;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Basic256Sha256 with a user name and password against the Milo simulator, and the file-based trust list. */
class SecureConnectionIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path hubPki;
    @TempDir
    Path serverPki;
    private OpcUaSimulatorServer server;
    private TestCamel camel;

    @AfterEach
    void stop() {
        if (camel != null) {
            camel.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void anUnknownServerIsRejectedUntilItsCertificateIsMovedIntoTrusted() throws Exception {
        server = OpcUaSimulatorServer.start("127.0.0.1", 0, serverPki, Security.basic256Sha256("operator", "s3cret"));
        server.addAirHandler("ahu-1", "ahu-1/", Clock.systemUTC());
        try (ClientPki pki = ClientPki.open(hubPki)) {
            server.trustClient(pki.certificate()); // the server side of the handshake, as its operator would do
        }

        camel = new TestCamel(catalog(), hubPki)
                .route("opcua-ahu-1", uri("SignAndEncrypt", "s3cret"))
                .start();

        Path rejected = hubPki.resolve("rejected").resolve("certs");
        await().atMost(PATIENCE).until(() -> derFiles(rejected).size() == 1);
        await().atMost(PATIENCE).until(() -> camel.events("ahu-1").contains(DeviceEvent.CONNECTION_LOST));
        assertThat(camel.hasGood("ahu-1", "supply_air_temperature")).isFalse();

        Path file = derFiles(rejected).get(0);
        assertThat(file.getFileName().toString()).startsWith("Caretaker OPC UA simulator [");
        Files.move(file, hubPki.resolve("trusted").resolve("certs").resolve(file.getFileName()));

        await().atMost(PATIENCE).until(() -> camel.hasGood("ahu-1", "supply_air_temperature"));
        assertThat(camel.events("ahu-1")).containsExactly(DeviceEvent.CONNECTION_LOST, DeviceEvent.CONNECTION_RESTORED);
    }

    @Test
    void signsWithTheClientCertificateItMadeOnceAndKept() throws Exception {
        server = OpcUaSimulatorServer.start("127.0.0.1", 0, serverPki, Security.basic256Sha256("operator", "s3cret"));
        server.addAirHandler("ahu-1", "ahu-1/", Clock.systemUTC());
        byte[] firstCertificate;
        try (ClientPki pki = ClientPki.open(hubPki)) {
            server.trustClient(pki.certificate());
            firstCertificate = pki.certificate().getEncoded();
        }
        trustServer();

        camel = new TestCamel(catalog(), hubPki).route("opcua-ahu-1", uri("Sign", "s3cret")).start();

        await().atMost(PATIENCE).until(() -> camel.hasGood("ahu-1", "fan_status"));
        try (ClientPki again = ClientPki.open(hubPki)) {
            assertThat(again.certificate().getEncoded()).isEqualTo(firstCertificate);
        }
        assertThat(camel.events("ahu-1")).isEmpty();
    }

    @Test
    void aWrongPasswordIsALostConnectionNotASample() throws Exception {
        server = OpcUaSimulatorServer.start("127.0.0.1", 0, serverPki, Security.basic256Sha256("operator", "s3cret"));
        server.addAirHandler("ahu-1", "ahu-1/", Clock.systemUTC());
        try (ClientPki pki = ClientPki.open(hubPki)) {
            server.trustClient(pki.certificate());
        }
        trustServer();

        camel = new TestCamel(catalog(), hubPki).route("opcua-ahu-1", uri("SignAndEncrypt", "guess")).start();

        await().atMost(PATIENCE).until(() -> camel.events("ahu-1").contains(DeviceEvent.CONNECTION_LOST));
        assertThat(camel.samples("ahu-1")).allSatisfy(s -> assertThat(s.quality().name()).isEqualTo("COMM_LOSS"));
    }

    private void trustServer() throws Exception {
        Path trusted = Files.createDirectories(hubPki.resolve("trusted").resolve("certs"));
        Files.write(trusted.resolve("simulator.der"), server.certificate().getEncoded());
    }

    private String uri(String mode, String password) {
        return "opcua:ahu-1?endpoint=" + server.endpointUrl() + "&profile=air-handler-basic&nodePrefix=ahu-1/"
                + "&securityPolicy=Basic256Sha256&securityMode=" + mode + "&username=operator&password=RAW(" + password + ")";
    }

    private static List<Path> derFiles(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.toString().endsWith(".der")).toList();
        }
    }

    private static ProfileCatalog catalog() throws IOException {
        try (InputStream yaml = SecureConnectionIT.class.getResourceAsStream("/caretaker/profiles/air-handler-basic.yaml")) {
            return ProfileCatalog.read(new ConfigurationLoader(),
                    Map.of("air-handler-basic.yaml", new String(yaml.readAllBytes(), StandardCharsets.UTF_8)));
        }
    }
}
