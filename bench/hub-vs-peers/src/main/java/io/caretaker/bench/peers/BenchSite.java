package io.caretaker.bench.peers;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * The site files and extra device profiles the benchmark's hubs run with: MQTT room sensors of three readings each,
 * SDM630 meters on a Modbus gateway, and OPC UA devices of many changing variables.
 */
final class BenchSite {

    /** Readings per MQTT message, as in ThingsBoard's published test. */
    static final int POINTS_PER_SENSOR = 3;
    /** The temperature above which a bench sensor's rule raises an alarm at once (no {@code for}), and below which it clears. */
    static final double FAULT_ABOVE = 80;
    static final double CLEAR_BELOW = 70;
    static final String SENSOR_PROFILE = "bench-sensor";
    static final String OPCUA_PROFILE = "bench-opcua-bulk";
    /** Points of a wide device, for the heap at many points: 3,334 of them make 100k points in a site file the hub can read. */
    static final int POINTS_PER_WIDE = 30;
    static final String WIDE_PROFILE = "bench-wide";

    private BenchSite() {
    }

    static String sensorId(int i) {
        return String.format(Locale.ROOT, "s%05d", i);
    }

    static String meterId(int i) {
        return String.format(Locale.ROOT, "meter-%02d", i);
    }

    static String opcuaId(int i) {
        return String.format(Locale.ROOT, "ua-%02d", i);
    }

    /** Writes the bench profiles into {@code dir}, which the hub reads as {@code caretaker.site.profiles-dir}. */
    static void writeProfiles(Path dir, int opcuaVariables, int opcuaIntervalMillis) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(SENSOR_PROFILE + ".yaml"), """
                # A room sensor publishing three readings per message over MQTT, the shape of ThingsBoard's performance test.
                formatVersion: 1
                id: %s
                name: Benchmark room sensor
                family: hvac
                tags: [sensor]
                mqtt:
                  topics: ["bench/{id}/telemetry"]
                points:
                  - id: temperature
                    unit: °C
                    kind: number
                    bindings:
                      mqtt: {path: /temperature}
                  - id: humidity
                    unit: "%%"
                    kind: number
                    bindings:
                      mqtt: {path: /humidity}
                  - id: co2
                    unit: ppm
                    kind: number
                    bindings:
                      mqtt: {path: /co2}
                rules:
                  - id: too-hot
                    type: threshold
                    point: temperature
                    above: %s
                    clear: {below: %s}
                    severity: IMPORTANT
                    message: Room too hot
                """.formatted(SENSOR_PROFILE, FAULT_ABOVE, CLEAR_BELOW), StandardCharsets.UTF_8);
        StringBuilder opcua = new StringBuilder("""
                # A device of many variables on the simulators' OPC UA server, each changing every interval.
                formatVersion: 1
                id: %s
                name: Benchmark OPC UA device
                family: hvac
                tags: [equip]
                opcua: {samplingInterval: %dms, publishingInterval: %dms}
                points:
                """.formatted(OPCUA_PROFILE, opcuaIntervalMillis, opcuaIntervalMillis));
        for (int i = 0; i < opcuaVariables; i++) {
            opcua.append("""
                      - id: value_%d
                        kind: number
                        bindings:
                          opcua: {nodeId: "nsu=urn:caretaker:simulators;s={prefix}Value%d"}
                    """.formatted(i, i));
        }
        Files.writeString(dir.resolve(OPCUA_PROFILE + ".yaml"), opcua.toString(), StandardCharsets.UTF_8);
        StringBuilder wide = new StringBuilder("""
                # A device reporting %d readings per MQTT message, such as a multi-circuit meter.
                formatVersion: 1
                id: %s
                name: Benchmark wide device
                family: meter
                tags: [meter]
                mqtt:
                  topics: ["bench/{id}/telemetry"]
                points:
                """.formatted(POINTS_PER_WIDE, WIDE_PROFILE));
        for (int i = 0; i < POINTS_PER_WIDE; i++) {
            wide.append("""
                      - id: p%02d
                        kind: number
                        bindings:
                          mqtt: {path: /p%02d}
                    """.formatted(i, i));
        }
        Files.writeString(dir.resolve(WIDE_PROFILE + ".yaml"), wide.toString(), StandardCharsets.UTF_8);
    }

    /** A site of {@code sensors} MQTT devices of {@code profile} on one broker. */
    static void writeSensorSite(Path file, String siteId, int sensors, String profile, String brokerUrl) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            header(out, siteId);
            out.write(sensors == 0 ? "devices: []\n" : "devices:\n");
            for (int i = 0; i < sensors; i++) {
                out.write("  - {id: " + sensorId(i) + ", profile: " + profile + ", building: Bench, connection: {protocol: mqtt, broker: \""
                        + brokerUrl + "\"}}\n");
            }
        }
    }

    /**
     * How long a meter's Modbus consumer waits after one poll ends before the next (a Camel scheduled consumer cannot
     * wait nothing); the bare j2mod loop waits as long, so both poll on the same schedule.
     */
    static final Duration MODBUS_POLL_INTERVAL = Duration.ofMillis(1);

    /** A site of SDM630 meters behind one Modbus gateway, polled as fast as the interval allows, and OPC UA devices on one server. */
    static void writeProtocolSite(Path file, String siteId, String modbusHost, int modbusPort, int meters,
                                  String opcuaEndpoint, int opcuaDevices) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            header(out, siteId);
            out.write("devices:\n");
            for (int i = 1; i <= meters; i++) {
                out.write("  - {id: " + meterId(i) + ", profile: energy-meter-sdm630, building: Bench, connection: {protocol: modbus, host: "
                        + modbusHost + ", port: " + modbusPort + ", unitId: " + i + ", pollInterval: "
                        + MODBUS_POLL_INTERVAL.toMillis() + "ms}}\n");
            }
            for (int i = 1; i <= opcuaDevices; i++) {
                out.write("  - {id: " + opcuaId(i) + ", profile: " + OPCUA_PROFILE + ", building: Bench, connection: {protocol: opcua, endpoint: \""
                        + opcuaEndpoint + "\", nodePrefix: \"" + opcuaId(i) + "/\"}}\n");
            }
        }
    }

    private static void header(Writer out, String siteId) throws IOException {
        out.write("""
                formatVersion: 1
                site:
                  id: %s
                  name: Benchmark site
                  timeZone: UTC
                """.formatted(siteId));
    }
}
