package io.caretaker.simulators.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes the demo site file: an office tower and a residential block with devices of all five families on all three
 * protocols (132 at scale 1), every device on the simulators' servers. {@code scale} multiplies every kind of
 * device, for benchmarks with thousands. Hosts and ports are placeholders the hub fills from its
 * {@code caretaker.demo.*} settings and the standalone simulators from the environment, each with the demo's default.
 */
public final class DemoSiteFile {

    /** Unit ids a Modbus gateway can address; beyond this a second gateway port is used. */
    private static final int UNITS_PER_GATEWAY = 247;
    private static final String HOST = "${caretaker.demo.bind-address:127.0.0.1}";
    private static final String OPCUA = "opc.tcp://" + HOST + ":${caretaker.demo.opcua-port:14840}/caretaker";
    private static final String BROKER = "tcp://" + HOST + ":${caretaker.demo.mqtt-port:11883}";

    private final StringBuilder yaml = new StringBuilder();
    private int modbusUnits;

    private DemoSiteFile() {
    }

    /** The demo site at {@code scale} (1 gives the demo's 132 devices). */
    public static String generate(int scale) {
        if (scale < 1) {
            throw new IllegalArgumentException("scale " + scale + " must be 1 or more");
        }
        return new DemoSiteFile().write(scale);
    }

    private String write(int scale) {
        yaml.append("""
                # The demo site: an office tower and a residential block, every device simulated from its profile's
                # simulate section. Written by DemoSiteFile (java -jar caretaker-simulators-exec.jar generate-site
                # --scale=N writes a bigger one); hosts and ports come from caretaker.demo.* (CARETAKER_DEMO_*).
                formatVersion: 1
                site:
                  id: demo
                  name: Caretaker demo site
                  timeZone: Asia/Shanghai
                  calendar:
                    weekend: [SATURDAY, SUNDAY]
                    # China's 2026 public holidays, as an example; make-up working weekends are not modelled here.
                    holidays: [2026-01-01, 2026-01-02, 2026-01-03,
                               2026-02-15, 2026-02-16, 2026-02-17, 2026-02-18, 2026-02-19, 2026-02-20, 2026-02-21, 2026-02-22, 2026-02-23,
                               2026-04-04, 2026-04-05, 2026-04-06,
                               2026-05-01, 2026-05-02, 2026-05-03, 2026-05-04, 2026-05-05,
                               2026-06-19, 2026-06-20, 2026-06-21,
                               2026-09-25, 2026-09-26, 2026-09-27,
                               2026-10-01, 2026-10-02, 2026-10-03, 2026-10-04, 2026-10-05, 2026-10-06, 2026-10-07]
                devices:
                """);
        String tower = "Office Tower";
        String block = "Residential Block";
        // HVAC
        for (int i = 1; i <= 4 * scale; i++) {
            opcua("ahu-" + i, "Air handler AHU-" + i, "air-handler-basic", tower, i % 2 == 1 ? "B1" : "R", i % 2 == 1 ? "Plant room B1-03" : "Roof plant room");
        }
        for (int i = 1; i <= 20 * scale; i++) {
            int floor = 2 + (i - 1) / 2 % 10;
            String room = i % 2 == 1 ? "Meeting room " + floor + "-01" : "Open office " + floor + "-02";
            opcua(id("fcu-t-", i, 2), "Fan coil " + room, "fan-coil-opcua", tower, String.valueOf(floor), room);
        }
        for (int i = 1; i <= scale; i++) {
            opcua("chiller-" + i, "Chiller CH-" + i, "chiller-opcua", tower, "B2", "Chiller plant room");
        }
        for (int i = 1; i <= 2 * scale; i++) {
            modbus("pump-t-" + i, "Chilled-water pump CHWP-" + i + (i % 2 == 0 ? " (standby)" : " (duty)"), "pump-modbus", tower, "B2", "Chiller plant room", "5s");
        }
        for (int i = 1; i <= scale; i++) {
            String n = i == 1 ? "" : "-" + i;
            mqtt("ac-clubhouse" + n, "Clubhouse air conditioner", "split-air-conditioner-mqtt", block, "1", "Clubhouse", null);
            mqtt("ac-gym" + n, "Gym air conditioner", "split-air-conditioner-mqtt", block, "1", "Gym", null);
            mqtt("ac-office-r" + n, "Management office air conditioner", "split-air-conditioner-mqtt", block, "1", "Management office", null);
        }
        for (int i = 1; i <= 2 * scale; i++) {
            modbus("pump-r-" + i, "Booster pump BP-" + i + (i % 2 == 0 ? " (standby)" : " (duty)"), "pump-modbus", block, "B1", "Pump room", "5s");
        }
        // meters
        for (int i = 1; i <= 8 * scale; i++) {
            modbus("meter-" + i, i == 1 ? "Main incomer meter" : "Floor " + i + " distribution meter", "energy-meter-sdm630", tower,
                    i == 1 ? "B1" : String.valueOf(i), i == 1 ? "Switch room B1-01" : "Electrical riser " + i, "5s");
        }
        for (int i = 1; i <= 4 * scale; i++) {
            mqtt("water-t-" + i, "Water meter W-" + i, "water-meter-mqtt", tower, i == 1 ? "B1" : String.valueOf(i * 3), i == 1 ? "Water intake" : "Washrooms", null);
        }
        for (int i = 1; i <= 8 * scale; i++) {
            modbus(id("meter-r-", i, 2), "Flat " + flat(i) + " electricity meter", "energy-meter-sdm120", block,
                    String.valueOf(1 + (i - 1) / 4 % 20), "Meter cupboard", "10s");
        }
        for (int i = 1; i <= 20 * scale; i++) {
            mqtt(id("water-r-", i, 2), "Flat " + flat(i) + " water meter", "water-meter-mqtt", block, String.valueOf(1 + (i - 1) / 4 % 20), "Flat " + flat(i), null);
        }
        // fire
        for (int i = 1; i <= scale; i++) {
            mqtt("fire-gw-t-" + i, "Fire panel gateway FACP-T" + i + " (Contact ID)", "fire-panel-contact-id", tower, "1", "Fire control room", null);
            modbus("fire-panel-t-" + i, "Fire panel FACP-T" + i + " BMS interface", "fire-panel-modbus", tower, "1", "Fire control room", "2s");
            mqtt("fire-gw-r-" + i, "Fire panel gateway FACP-R" + i + " (Contact ID)", "fire-panel-contact-id", block, "1", "Guard house", null);
            modbus("fire-panel-r-" + i, "Fire panel FACP-R" + i + " BMS interface", "fire-panel-modbus", block, "1", "Guard house", "2s");
        }
        // access control
        for (int i = 1; i <= scale; i++) {
            mqtt("door-" + i, "Lobby east door contact", "door-contact-zigbee", tower, "1", "Lobby", "zigbee2mqtt/door-" + i);
        }
        for (int i = 1; i <= 11 * scale; i++) {
            mqtt(id("door-t-", i, 2), "Door " + (i == 1 ? "main entrance" : "floor " + (i + 1) + " office"), "door-controller-mqtt", tower,
                    i == 1 ? "1" : String.valueOf(i + 1), i == 1 ? "Lobby" : "Lift lobby", null);
        }
        for (int i = 1; i <= 4 * scale; i++) {
            mqtt("turnstile-t-" + i, "Lobby turnstile " + i, "turnstile-mqtt", tower, "1", "Lobby", null);
        }
        for (int i = 1; i <= 2 * scale; i++) {
            mqtt("barrier-t-" + i, "Car park barrier " + (i % 2 == 1 ? "entry" : "exit"), "barrier-mqtt", tower, "B1", "Car park ramp", null);
        }
        for (int i = 1; i <= 8 * scale; i++) {
            mqtt(id("door-r-", i, 2), "Door " + (i == 1 ? "main gate" : "unit " + i + " entrance"), "door-controller-mqtt", block, "1",
                    i == 1 ? "Main gate" : "Unit " + i + " lobby", null);
        }
        for (int i = 1; i <= 2 * scale; i++) {
            mqtt("barrier-r-" + i, "Estate barrier " + (i % 2 == 1 ? "entry" : "exit"), "barrier-mqtt", block, "G", "Estate gate", null);
        }
        // CCTV
        for (int i = 1; i <= 16 * scale; i++) {
            mqtt(id("cam-t-", i, 2), "Camera T" + i, "camera-mqtt", tower, i <= 4 ? "B1" : String.valueOf(i - 3), i <= 4 ? "Car park" : "Corridor", null);
        }
        for (int i = 1; i <= scale; i++) {
            mqtt("nvr-t-" + i, "Video recorder NVR-T" + i, "nvr-mqtt", tower, "1", "Security control room", null);
        }
        for (int i = 1; i <= 10 * scale; i++) {
            mqtt(id("cam-r-", i, 2), "Camera R" + i, "camera-mqtt", block, "G", i <= 3 ? "Estate gate" : "Garden", null);
        }
        for (int i = 1; i <= scale; i++) {
            mqtt("nvr-r-" + i, "Video recorder NVR-R" + i, "nvr-mqtt", block, "1", "Guard house", null);
        }
        return yaml.toString();
    }

    private static String id(String prefix, int i, int digits) {
        return prefix + String.format(Locale.ROOT, "%0" + digits + "d", i);
    }

    private static String flat(int i) {
        return (1 + (i - 1) / 4 % 20) + "0" + (1 + (i - 1) % 4);
    }

    private void device(String id, String name, String profile, String building, String floor, String room) {
        yaml.append("  - id: ").append(id).append('\n')
                .append("    name: \"").append(name).append("\"\n")
                .append("    profile: ").append(profile).append('\n')
                .append("    building: ").append(building).append('\n')
                .append("    floor: \"").append(floor).append("\"\n")
                .append("    room: \"").append(room).append("\"\n");
    }

    private void opcua(String id, String name, String profile, String building, String floor, String room) {
        device(id, name, profile, building, floor, room);
        yaml.append("    connection:\n      protocol: opcua\n      endpoint: ").append(OPCUA)
                .append("\n      nodePrefix: ").append(id).append("/\n");
    }

    private void modbus(String id, String name, String profile, String building, String floor, String room, String poll) {
        device(id, name, profile, building, floor, room);
        int gateway = modbusUnits / UNITS_PER_GATEWAY;
        int unit = modbusUnits % UNITS_PER_GATEWAY + 1;
        modbusUnits++;
        String port = gateway == 0 ? "${caretaker.demo.modbus-port:10502}"
                : "${caretaker.demo.modbus-port-" + (gateway + 1) + ":" + (10502 + gateway) + "}";
        yaml.append("    connection:\n      protocol: modbus\n      host: ").append(HOST).append("\n      port: ").append(port)
                .append("\n      unitId: ").append(unit).append("\n      pollInterval: ").append(poll).append('\n');
    }

    private void mqtt(String id, String name, String profile, String building, String floor, String room, String topic) {
        device(id, name, profile, building, floor, room);
        yaml.append("    connection:\n      protocol: mqtt\n      broker: ").append(BROKER).append('\n');
        if (topic != null) {
            yaml.append("      topic: ").append(topic).append('\n');
        }
    }

    /** Every device id at scale 1, for tests that want to know the demo's devices without reading the file. */
    static List<String> ids() {
        List<String> ids = new ArrayList<>();
        for (String line : generate(1).split("\n")) {
            if (line.startsWith("  - id: ")) {
                ids.add(line.substring(8));
            }
        }
        return ids;
    }
}
