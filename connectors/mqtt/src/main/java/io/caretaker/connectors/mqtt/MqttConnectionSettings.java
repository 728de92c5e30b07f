package io.caretaker.connectors.mqtt;

import io.caretaker.deviceprofiles.site.MqttVersion;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the hub connects to one broker: one MQTT connection serves every device behind it. The session is
 * persistent (clean start off, kept by the broker for {@code sessionExpiry}) so QoS 1 messages published while
 * the hub is away are delivered when it is back; {@code clientId} must therefore be stable. {@code caFile} is a
 * PEM file of the certificate authority that signed an {@code ssl://} broker's certificate (default: the JVM's). {@code version} is what the hub speaks to the broker (MQTT 5 unless the broker knows only 3.1.1).
 */
public record MqttConnectionSettings(String brokerUrl, String clientId, String username, String password,
                                     Duration sessionExpiry, Path caFile, MqttVersion version) {

    public static final Duration DEFAULT_SESSION_EXPIRY = Duration.ofDays(1);

    public MqttConnectionSettings {
        Objects.requireNonNull(brokerUrl, "brokerUrl");
        Objects.requireNonNull(clientId, "clientId");
        if (version == null) {
            version = MqttVersion.V5;
        }
        if (sessionExpiry == null) {
            sessionExpiry = DEFAULT_SESSION_EXPIRY;
        }
    }

    @Override
    public String toString() {
        // never print the password
        return "MqttConnectionSettings[brokerUrl=" + brokerUrl + ", clientId=" + clientId + ", username=" + username
                + ", sessionExpiry=" + sessionExpiry + ", caFile=" + caFile + ", version=" + version + "]";
    }
}
