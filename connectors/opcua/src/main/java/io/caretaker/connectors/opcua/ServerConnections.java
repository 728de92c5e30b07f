package io.caretaker.connectors.opcua;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

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
            ServerConnection.awaitClosed(List.of(connection.close()));
        }
    }

    synchronized void closeAll() {
        List<CompletableFuture<?>> disconnects = open.values().stream().<CompletableFuture<?>>map(ServerConnection::close).toList();
        open.clear();
        ServerConnection.awaitClosed(disconnects);
    }

    synchronized int size() {
        return open.size();
    }
}
