package io.caretaker.connectors.opcua;

import java.util.Locale;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;

/**
 * One OPC UA server and how the hub talks to it. Devices with equal addresses share one session and one
 * subscription; the password is part of the identity but never of {@link #toString()}.
 */
public record ServerAddress(String endpoint, SecurityPolicy securityPolicy, MessageSecurityMode securityMode,
                            String username, String password) {

    public ServerAddress {
        if (endpoint == null || !endpoint.startsWith("opc.tcp://")) {
            throw new IllegalArgumentException("OPC UA endpoint must look like opc.tcp://host:port/path, got: " + endpoint);
        }
        if (securityPolicy == null) {
            securityPolicy = SecurityPolicy.None;
        }
        if (securityMode == null) {
            securityMode = securityPolicy == SecurityPolicy.None ? MessageSecurityMode.None
                    : MessageSecurityMode.SignAndEncrypt;
        }
        if ((securityPolicy == SecurityPolicy.None) != (securityMode == MessageSecurityMode.None)) {
            throw new IllegalArgumentException("OPC UA endpoint " + endpoint + ": securityPolicy " + securityPolicy
                    + " does not go with securityMode " + securityMode + "; use None with None, or Basic256Sha256 with "
                    + "Sign or SignAndEncrypt");
        }
        if ((username == null) != (password == null)) {
            throw new IllegalArgumentException("OPC UA endpoint " + endpoint + ": give both username and password, "
                    + "or neither for an anonymous session");
        }
    }

    /** An anonymous, unsecured address, as the demo simulators use. */
    public static ServerAddress unsecured(String endpoint) {
        return new ServerAddress(endpoint, SecurityPolicy.None, MessageSecurityMode.None, null, null);
    }

    /** Reads the site file's words: {@code None} or {@code Basic256Sha256}; blank means None. */
    public static SecurityPolicy policy(String name) {
        if (name == null || name.isBlank()) {
            return SecurityPolicy.None;
        }
        return switch (name.trim()) {
            case "None" -> SecurityPolicy.None;
            case "Basic256Sha256" -> SecurityPolicy.Basic256Sha256;
            default -> throw new IllegalArgumentException("unknown OPC UA securityPolicy '" + name
                    + "'; use None or Basic256Sha256");
        };
    }

    /** Reads the site file's words: {@code None}, {@code Sign} or {@code SignAndEncrypt}; blank means the policy's default. */
    public static MessageSecurityMode mode(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "none" -> MessageSecurityMode.None;
            case "sign" -> MessageSecurityMode.Sign;
            case "signandencrypt" -> MessageSecurityMode.SignAndEncrypt;
            default -> throw new IllegalArgumentException("unknown OPC UA securityMode '" + name
                    + "'; use None, Sign or SignAndEncrypt");
        };
    }

    @Override
    public String toString() {
        return endpoint + " [" + securityPolicy + "/" + securityMode + (username == null ? ", anonymous" : ", user " + username) + "]";
    }
}
