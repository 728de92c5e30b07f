package io.caretaker.deviceprofiles.site;

import io.caretaker.deviceprofiles.Protocol;
import java.time.Duration;

/**
 * How the hub reaches one device. Which fields apply depends on the protocol (the schema says which are required):
 * Modbus TCP uses host, port, unitId and pollInterval; OPC UA uses endpoint and nodePrefix; MQTT uses broker and
 * topic, with username and password where the broker wants them.
 */
public record Connection(Protocol protocol,
                         String host, Integer port, Integer unitId, Duration pollInterval,
                         String endpoint, String nodePrefix,
                         String broker, String topic, String username, String password,
                         // OPC UA: None or Basic256Sha256; None, Sign or SignAndEncrypt (username/password above apply too)
                         String securityPolicy, String securityMode,
                         // MQTT: the device's name in its topics, the hub's client id and protocol version on the broker,
                         // how long the broker keeps the hub's session, and the CA of an ssl:// broker
                         String topicId, String clientId, MqttVersion mqttVersion, Duration sessionExpiry, String caFile) {

    public Connection {
        if (protocol == Protocol.MODBUS) {
            if (port == null) {
                port = 502;
            }
            if (unitId == null) {
                unitId = 1;
            }
            if (pollInterval == null) {
                pollInterval = Duration.ofSeconds(5);
            }
        }
    }

    @Override
    public String toString() {
        // never print the password
        return "Connection[protocol=" + protocol + ", host=" + host + ", port=" + port + ", unitId=" + unitId
                + ", endpoint=" + endpoint + ", broker=" + broker + ", topic=" + topic + "]";
    }
}
