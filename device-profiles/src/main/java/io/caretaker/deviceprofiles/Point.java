package io.caretaker.deviceprofiles;

import io.caretaker.deviceprofiles.canonical.PointSample;
import io.caretaker.deviceprofiles.canonical.Quality;
import io.caretaker.deviceprofiles.canonical.Value;
import java.time.Instant;

/** One data point of a device type: what it measures, in which unit, and where each protocol finds it. */
public record Point(String id, String name, String unit, PointKind kind, Range range, Bindings bindings) {

    public Point {
        if (bindings == null) {
            bindings = new Bindings(null, null, null);
        }
    }

    /** A sample of this point as a connector read it: GOOD, or BAD when a number falls outside the point's range. */
    public PointSample sample(String deviceId, Instant observedAt, Instant receivedAt, Value value) {
        Quality quality = Quality.GOOD;
        if (range != null && value instanceof Value.Number n && !range.contains(n.value())) {
            quality = Quality.BAD;
        }
        return new PointSample(deviceId, id, observedAt, receivedAt, value, quality);
    }

    /** Where the point lives on each protocol; a device type may speak one or several. */
    public record Bindings(ModbusBinding modbus, OpcUaBinding opcua, MqttBinding mqtt) {

        public boolean has(Protocol protocol) {
            return switch (protocol) {
                case MODBUS -> modbus != null;
                case OPCUA -> opcua != null;
                case MQTT -> mqtt != null;
            };
        }
    }
}
