package io.caretaker.deviceprofiles;

import java.util.List;
import java.util.Optional;

/** A device type, described once: its points, their protocol bindings, its fault rules, utilisation and maintenance plans. */
public record DeviceProfile(String id, String name, Family family, List<String> tags,
                            List<Point> points, List<FaultRule> rules,
                            // MQTT: topics, text payloads and events of the device as a whole
                            MqttProfile mqtt,
                            // Modbus: register numbering, input-register function, default byte and word order
                            ModbusProfile modbus,
                            // OPC UA: sampling and publishing intervals of the device's monitored items
                            OpcUaProfile opcua,
                            // which point says the device is running (run hours, starts, duty cycle); null: not tracked
                            Utilisation utilisation,
                            // preventive maintenance plans: calendar, run hours, counts
                            List<MaintenancePlan> maintenance) {

    public DeviceProfile {
        tags = tags == null ? List.of() : List.copyOf(tags);
        points = points == null ? List.of() : List.copyOf(points);
        rules = rules == null ? List.of() : List.copyOf(rules);
        if (mqtt == null) {
            mqtt = new MqttProfile(null, null, null);
        }
        if (modbus == null) {
            modbus = ModbusProfile.defaults();
        }
        if (opcua == null) {
            opcua = new OpcUaProfile(null, null);
        }
        maintenance = maintenance == null ? List.of() : List.copyOf(maintenance);
    }

    public Optional<Point> point(String pointId) {
        return points.stream().filter(p -> p.id().equals(pointId)).findFirst();
    }

    /** The points a connector for this protocol reads. */
    public List<Point> pointsBoundTo(Protocol protocol) {
        return points.stream().filter(p -> p.bindings().has(protocol)).toList();
    }
}
