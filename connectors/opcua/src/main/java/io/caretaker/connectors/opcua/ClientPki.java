package io.caretaker.connectors.opcua;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Period;
import org.eclipse.milo.opcua.stack.core.security.CertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.DefaultClientCertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.FileBasedTrustListManager;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's OPC UA client identity and trust list, kept in one directory:
 * <pre>
 *   own/caretaker-client.pfx   the client certificate and key, generated on first use and kept
 *   trusted/certs/             server certificates the hub accepts (copy or move a .der file here)
 *   rejected/certs/            server certificates seen but not trusted, one .der file each
 *   issuer/certs, issuer/crl, trusted/crl   CA certificates and revocation lists, as Milo lays them out
 * </pre>
 * Milo watches {@code trusted/} so a moved file counts at the next connection attempt, without a restart.
 */
public final class ClientPki implements AutoCloseable {

    /** The application URI the client certificate carries; servers match it against the session's. */
    public static final String APPLICATION_URI = "urn:caretaker:hub:opcua-client";

    private static final Logger log = LoggerFactory.getLogger(ClientPki.class);
    private static final String KEYSTORE_FILE = "caretaker-client.pfx";
    private static final String ALIAS = "caretaker-client";
    // The key store only bundles key and certificate; what protects the key is the directory's permissions.
    private static final char[] KEYSTORE_PASSWORD = "caretaker".toCharArray();

    private final Path directory;
    private final KeyPair keyPair;
    private final X509Certificate certificate;
    private final FileBasedTrustListManager trustList;

    private ClientPki(Path directory, KeyPair keyPair, X509Certificate certificate, FileBasedTrustListManager trustList) {
        this.directory = directory;
        this.keyPair = keyPair;
        this.certificate = certificate;
        this.trustList = trustList;
    }

    /** Opens the directory, creating it and the client certificate on first use. */
    public static ClientPki open(Path directory) {
        try {
            Path own = directory.resolve("own");
            Files.createDirectories(own);
            restrict(own);
            Files.createDirectories(directory.resolve("rejected").resolve("certs"));
            Path keyStoreFile = own.resolve(KEYSTORE_FILE);
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            if (Files.exists(keyStoreFile)) {
                try (InputStream in = Files.newInputStream(keyStoreFile)) {
                    keyStore.load(in, KEYSTORE_PASSWORD);
                }
            } else {
                keyStore.load(null, KEYSTORE_PASSWORD);
                KeyPair generated = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
                X509Certificate generatedCertificate = new SelfSignedCertificateBuilder(generated)
                        .setCommonName("Caretaker hub")
                        .setOrganization("Caretaker")
                        .setApplicationUri(APPLICATION_URI)
                        .addDnsName(hostName())
                        .setValidityPeriod(Period.ofYears(10))
                        .build();
                keyStore.setKeyEntry(ALIAS, generated.getPrivate(), KEYSTORE_PASSWORD,
                        new X509Certificate[] {generatedCertificate});
                Path partial = own.resolve(KEYSTORE_FILE + ".new");
                try (OutputStream out = Files.newOutputStream(partial)) {
                    keyStore.store(out, KEYSTORE_PASSWORD);
                }
                restrict(partial);
                Files.move(partial, keyStoreFile);
                log.info("client certificate created file={}", keyStoreFile.toAbsolutePath());
            }
            X509Certificate certificate = (X509Certificate) keyStore.getCertificate(ALIAS);
            PrivateKey key = (PrivateKey) keyStore.getKey(ALIAS, KEYSTORE_PASSWORD);
            if (certificate == null || key == null) {
                throw new IllegalStateException(keyStoreFile.toAbsolutePath() + " holds no '" + ALIAS
                        + "' entry; delete the file and a new client certificate is made");
            }
            FileBasedTrustListManager trustList = FileBasedTrustListManager.createAndInitialize(directory);
            return new ClientPki(directory, new KeyPair(certificate.getPublicKey(), key), certificate, trustList);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use OPC UA client PKI directory " + directory.toAbsolutePath()
                    + "; check that it is writable", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the OPC UA client certificate in " + directory.toAbsolutePath()
                    + "; delete own/" + KEYSTORE_FILE + " and a new one is made", e);
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the OPC UA client certificate in "
                    + directory.toAbsolutePath(), e);
        }
    }

    public KeyPair keyPair() {
        return keyPair;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public Path directory() {
        return directory;
    }

    public Path trustedCertificates() {
        return directory.resolve("trusted").resolve("certs");
    }

    public Path rejectedCertificates() {
        return directory.resolve("rejected").resolve("certs");
    }

    /** Validates a server's certificate against the trust list; an untrusted one lands in {@code rejected/certs}. */
    CertificateValidator validatorFor(String endpoint) {
        return new DefaultClientCertificateValidator(trustList,
                new RejectedCertificates(rejectedCertificates(), trustedCertificates(), endpoint));
    }

    @Override
    public void close() {
        try {
            trustList.close();
        } catch (IOException e) {
            log.debug("trust list watcher did not close directory={} cause={}", directory, e.toString());
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    private static void restrict(Path path) {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(
                    Files.isDirectory(path) ? "rwx------" : "rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // Not a POSIX file system: the operator protects the directory by other means.
            log.debug("cannot restrict permissions path={} cause={}", path, e.toString());
        }
    }
}
