package io.caretaker.connectors.opcua;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.eclipse.milo.opcua.stack.core.security.CertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.util.CertificateUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where untrusted server certificates go: one {@code .der} file each in {@code rejected/certs}, and one WARN line
 * per certificate telling the operator which file to move into {@code trusted/certs} to trust that server.
 */
final class RejectedCertificates implements CertificateQuarantine {

    private static final Logger log = LoggerFactory.getLogger(RejectedCertificates.class);
    // Across all connections: a server retried every 30 s is announced once, not every time.
    private static final Set<String> ANNOUNCED = ConcurrentHashMap.newKeySet();

    private final Path rejected;
    private final Path trusted;
    private final String endpoint;

    RejectedCertificates(Path rejected, Path trusted, String endpoint) {
        this.rejected = rejected;
        this.trusted = trusted;
        this.endpoint = endpoint;
    }

    /** The file name a certificate gets, in Milo's style: {@code <common name> [<SHA-1 thumbprint>].der}. */
    static String fileName(X509Certificate certificate) {
        return commonName(certificate).replaceAll("[^A-Za-z0-9 ._-]", "_") + " [" + thumbprint(certificate) + "].der";
    }

    @Override
    public void addRejectedCertificate(X509Certificate certificate) {
        Path file = rejected.resolve(fileName(certificate));
        try {
            Files.createDirectories(rejected);
            if (!Files.exists(file)) {
                Files.write(file, certificate.getEncoded());
            }
        } catch (IOException | CertificateException e) {
            log.warn("server certificate not trusted and not saved endpoint={} subject={} cause={}", endpoint,
                    certificate.getSubjectX500Principal().getName(), e.toString());
            return;
        }
        if (ANNOUNCED.add(endpoint + "|" + thumbprint(certificate))) {
            log.warn("server certificate not trusted endpoint={} subject={} file={} fix=\"to trust this server move "
                    + "the file into {}\"", endpoint, certificate.getSubjectX500Principal().getName(),
                    file.toAbsolutePath(), trusted.toAbsolutePath());
        }
    }

    @Override
    public void removeRejectedCertificate(X509Certificate certificate) {
        try {
            Files.deleteIfExists(rejected.resolve(fileName(certificate)));
        } catch (IOException e) {
            log.debug("cannot delete rejected certificate file={} cause={}", fileName(certificate), e.toString());
        }
    }

    @Override
    public List<X509Certificate> getRejectedCertificates() {
        List<X509Certificate> certificates = new ArrayList<>();
        try (Stream<Path> files = Files.list(rejected)) {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (Path file : files.filter(f -> f.toString().endsWith(".der")).toList()) {
                try (var in = Files.newInputStream(file)) {
                    certificates.add((X509Certificate) factory.generateCertificate(in));
                } catch (IOException | CertificateException e) {
                    log.debug("unreadable rejected certificate file={} cause={}", file, e.toString());
                }
            }
        } catch (IOException | CertificateException e) {
            log.debug("cannot list rejected certificates directory={} cause={}", rejected, e.toString());
        }
        return certificates;
    }

    private static String commonName(X509Certificate certificate) {
        String subject = certificate.getSubjectX500Principal().getName();
        for (String part : subject.split(",")) {
            if (part.trim().startsWith("CN=")) {
                return part.trim().substring(3);
            }
        }
        return "server";
    }

    private static String thumbprint(X509Certificate certificate) {
        try {
            return HexFormat.of().withUpperCase().formatHex(CertificateUtil.thumbprint(certificate).bytesOrEmpty());
        } catch (Exception e) {
            return Integer.toHexString(certificate.hashCode());
        }
    }
}
