package io.caretaker.connectors.opcua;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.identity.AnonymousProvider;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.enumerated.UserTokenType;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.UserTokenPolicy;
import org.eclipse.milo.opcua.stack.core.util.EndpointUtil;

/** Makes Milo clients for a {@link ServerAddress}: endpoint chosen by policy and mode, the hub's certificate, the trust list. */
final class ClientFactory {

    private final ClientPki pki;

    ClientFactory(ClientPki pki) {
        this.pki = pki;
    }

    OpcUaClient create(ServerAddress address) throws UaException {
        String host = EndpointUtil.getHost(address.endpoint());
        int port = EndpointUtil.getPort(address.endpoint());
        return OpcUaClient.create(address.endpoint(),
                endpoints -> select(address, endpoints)
                        // Servers often advertise a host name the hub cannot resolve; keep the one we were given.
                        .map(e -> EndpointUtil.updateUrl(e, host, port)),
                transport -> {},
                config -> {
                    config.setApplicationName(LocalizedText.english("Caretaker hub"))
                            .setApplicationUri(ClientPki.APPLICATION_URI)
                            .setProductUri("urn:caretaker:hub")
                            .setKeyPair(pki.keyPair())
                            .setCertificate(pki.certificate())
                            .setCertificateChain(new java.security.cert.X509Certificate[] {pki.certificate()})
                            .setCertificateValidator(pki.validatorFor(address.endpoint()))
                            .setRequestTimeout(uint(5_000));
                    if (address.username() != null) {
                        config.setIdentityProvider(new UsernameProvider(address.username(), address.password()));
                    } else {
                        config.setIdentityProvider(new AnonymousProvider());
                    }
                });
    }

    private static Optional<EndpointDescription> select(ServerAddress address, List<EndpointDescription> endpoints) {
        UserTokenType wanted = address.username() == null ? UserTokenType.Anonymous : UserTokenType.UserName;
        Optional<EndpointDescription> match = endpoints.stream()
                .filter(e -> address.securityPolicy().getUri().equals(e.getSecurityPolicyUri()))
                .filter(e -> address.securityMode() == e.getSecurityMode())
                .filter(e -> offers(e, wanted))
                .findFirst();
        if (match.isEmpty()) {
            throw new NoMatchingEndpointException("server " + address.endpoint() + " offers no endpoint with "
                    + address.securityPolicy() + "/" + address.securityMode() + " and " + wanted
                    + " login; it offers " + endpoints.stream().map(ClientFactory::describe).distinct()
                    .collect(Collectors.joining(", ")) + "; set securityPolicy, securityMode and username/password "
                    + "in the site file's connection to one of them");
        }
        return match;
    }

    private static boolean offers(EndpointDescription endpoint, UserTokenType type) {
        UserTokenPolicy[] tokens = endpoint.getUserIdentityTokens();
        return tokens != null && Arrays.stream(tokens).anyMatch(t -> t.getTokenType() == type);
    }

    private static String describe(EndpointDescription e) {
        String policy = SecurityPolicy.fromUriSafe(e.getSecurityPolicyUri()).map(Enum::name).orElse(e.getSecurityPolicyUri());
        String logins = e.getUserIdentityTokens() == null ? "" : Arrays.stream(e.getUserIdentityTokens())
                .map(t -> t.getTokenType().name()).distinct().collect(Collectors.joining("|"));
        return policy + "/" + e.getSecurityMode() + " (" + logins + ")";
    }

    /** The server has no endpoint with the security and login the site file asks for. */
    static final class NoMatchingEndpointException extends RuntimeException {
        NoMatchingEndpointException(String message) {
            super(message);
        }
    }
}
