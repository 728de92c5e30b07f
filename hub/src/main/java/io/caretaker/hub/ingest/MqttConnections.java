package io.caretaker.hub.ingest;

import io.caretaker.connectors.mqtt.MqttConnectionSettings;
import io.caretaker.connectors.mqtt.MqttDevice;
import io.caretaker.deviceprofiles.DeviceProfile;
import io.caretaker.deviceprofiles.ProfileCatalog;
import io.caretaker.deviceprofiles.Protocol;
import io.caretaker.deviceprofiles.site.Connection;
import io.caretaker.deviceprofiles.site.InstalledDevice;
import io.caretaker.deviceprofiles.site.MqttVersion;
import io.caretaker.deviceprofiles.site.Site;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The site's MQTT devices grouped by the connection that carries them: devices on the same broker with the same
 * credentials, client id and protocol version share one MQTT connection, so a hundred Zigbee2MQTT contacts are
 * one client on the broker, not a hundred. The default client id is {@code caretaker-<site>}, with a number for
 * a second connection to the same broker.
 */
record MqttConnections(Map<String, Group> connections) {

    /** Client ids beyond this length may be refused by MQTT 3.1.1 brokers. */
    static final int CLIENT_ID_MAX = 23;

    static MqttConnections of(Site site, ProfileCatalog profiles) {
        Map<Key, List<MqttDevice>> byKey = new LinkedHashMap<>();
        for (InstalledDevice device : site.devices()) {
            Connection c = device.connection();
            if (c.protocol() != Protocol.MQTT) {
                continue;
            }
            DeviceProfile profile = profiles.get(device.profile());
            List<String> topics = c.topic() != null ? List.of(c.topic()) : profile.mqtt().topics();
            byKey.computeIfAbsent(Key.of(c), k -> new ArrayList<>()).add(new MqttDevice(device.id(), c.topicId(), profile, topics));
        }
        Map<String, Group> connections = new LinkedHashMap<>();
        Map<String, Integer> perBroker = new LinkedHashMap<>();
        byKey.forEach((key, devices) -> {
            String clientId = key.clientId();
            if (clientId == null) {
                int n = perBroker.merge(key.broker(), 1, Integer::sum);
                String base = "caretaker-" + site.id();
                String suffix = n == 1 ? "" : "-" + n;
                clientId = base.substring(0, Math.min(base.length(), CLIENT_ID_MAX - suffix.length())) + suffix;
            }
            String name = clientId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
            if (connections.containsKey(name)) {
                throw new IllegalStateException("two MQTT connections would both use client id " + clientId + " on " + key.broker()
                        + "; give the devices one clientId or different ones in the site file");
            }
            connections.put(name, new Group(new MqttConnectionSettings(key.broker(), clientId, key.username(), key.password(),
                    key.sessionExpiry(), key.caFile() == null ? null : Path.of(key.caFile()), key.version()), List.copyOf(devices)));
        });
        return new MqttConnections(connections);
    }

    /** One connection's settings and its devices. */
    record Group(MqttConnectionSettings settings, List<MqttDevice> devices) {
    }

    /** What makes two devices' connections the same one. */
    private record Key(String broker, String username, String password, String clientId, MqttVersion version,
                       java.time.Duration sessionExpiry, String caFile) {

        static Key of(Connection c) {
            return new Key(c.broker(), c.username(), c.password(), c.clientId(), Objects.requireNonNullElse(c.mqttVersion(), MqttVersion.V5),
                    c.sessionExpiry(), c.caFile());
        }

        @Override
        public String toString() {
            return "Key[broker=" + broker + ", username=" + username + ", clientId=" + clientId + "]"; // never the password
        }
    }
}
