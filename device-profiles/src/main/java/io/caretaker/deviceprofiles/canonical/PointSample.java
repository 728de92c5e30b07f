package io.caretaker.deviceprofiles.canonical;

import java.time.Instant;
import java.util.Objects;

/** One reading of one point of one device: the record every connector produces and every later stage reads. */
public record PointSample(String deviceId, String pointId, Instant observedAt, Instant receivedAt,
                          Value value, Quality quality) {

    public PointSample {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(pointId, "pointId");
        Objects.requireNonNull(observedAt, "observedAt");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(quality, "quality");
    }

    public static PointSample good(String deviceId, String pointId, Instant at, Value value) {
        return new PointSample(deviceId, pointId, at, at, value, Quality.GOOD);
    }

    /** The sample a connector emits for each point of a device it lost. */
    public static PointSample commLoss(String deviceId, String pointId, Instant at) {
        return new PointSample(deviceId, pointId, at, at, Value.absent(), Quality.COMM_LOSS);
    }
}
