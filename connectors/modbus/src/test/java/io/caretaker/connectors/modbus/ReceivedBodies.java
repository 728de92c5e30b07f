package io.caretaker.connectors.modbus;

import io.caretaker.deviceprofiles.canonical.DeviceEvent;
import io.caretaker.deviceprofiles.canonical.PointSample;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Everything a test route received from the connector: sample batches and device events, in order. */
final class ReceivedBodies {

    private final List<Object> bodies = new CopyOnWriteArrayList<>();

    void add(Object body) {
        bodies.add(body);
    }

    @SuppressWarnings("unchecked")
    List<List<PointSample>> batches(String deviceId) {
        return bodies.stream()
                .filter(List.class::isInstance)
                .map(body -> (List<PointSample>) body)
                .filter(batch -> !batch.isEmpty() && batch.get(0).deviceId().equals(deviceId))
                .toList();
    }

    Optional<List<PointSample>> latestBatch(String deviceId) {
        List<List<PointSample>> batches = batches(deviceId);
        return batches.isEmpty() ? Optional.empty() : Optional.of(batches.get(batches.size() - 1));
    }

    long events(String deviceId, String type) {
        return bodies.stream()
                .filter(DeviceEvent.class::isInstance)
                .map(DeviceEvent.class::cast)
                .filter(e -> e.deviceId().equals(deviceId) && e.type().equals(type))
                .count();
    }
}
