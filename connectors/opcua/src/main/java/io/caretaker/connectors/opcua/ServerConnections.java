package io.caretaker.connectors.opcua;

import java.util.HashMap;
import java.util.Map;

/** The component's open server connections, one per {@link ServerAddress}; the last device to leave closes one. */
final class ServerConnections {

    private final Map<ServerAddress, ServerConnection> open = new HashMap<>();
    private final ClientFactory clients;
    private final int maxItemsPerRequest;

    ServerConnections(ClientFactory clients, int maxItemsPerRequest) {
        this.clients = clients;
        this.maxItemsPerRequest = maxItemsPerRequest;
    }

    synchronized ServerConnection join(ServerAddress address, DeviceRegistration device) {
        ServerConnection connection = open.computeIfAbsent(address,
                a -> new ServerConnection(a, clients, maxItemsPerRequest));
        connection.register(device);
        return connection;
    }

    synchronized void leave(ServerConnection connection, String deviceId) {
        connection.unregister(deviceId);
        if (connection.isEmpty()) {
            open.remove(connection.address(), connection);
            connection.close();
        }
    }

    synchronized void closeAll() {
        open.values().forEach(ServerConnection::close);
        open.clear();
    }

    synchronized int size() {
        return open.size();
    }
}
