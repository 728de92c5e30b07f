package io.caretaker.simulators;

import io.caretaker.simulators.modbus.ModbusSimulatorServer;
import io.caretaker.simulators.mqtt.SimulatedDoorContact;
import io.caretaker.simulators.opcua.OpcUaSimulatorServer;
import io.caretaker.simulators.scenario.ScenarioFile;
import io.caretaker.simulators.scenario.ScenarioRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the three demo devices standalone, for a hub in another process or container: an SDM630 meter
 * (Modbus TCP, unit 1), an air handler (OPC UA, node prefix {@code ahu-1/}) and a door contact publishing to
 * an MQTT broker. Settings come from the environment: CARETAKER_SIM_BIND_ADDRESS (127.0.0.1),
 * CARETAKER_SIM_MODBUS_PORT (10502), CARETAKER_SIM_OPCUA_PORT (14840), CARETAKER_SIM_MQTT_BROKER
 * (tcp://127.0.0.1:1883) and, optionally, CARETAKER_SIM_SCENARIO (a scenario YAML file).
 */
public final class SimulatorsMain {

    private static final Logger log = LoggerFactory.getLogger(SimulatorsMain.class);

    private SimulatorsMain() {
    }

    public static void main(String[] args) throws Exception {
        String bind = env("CARETAKER_SIM_BIND_ADDRESS", "127.0.0.1");
        int modbusPort = Integer.parseInt(env("CARETAKER_SIM_MODBUS_PORT", "10502"));
        int opcuaPort = Integer.parseInt(env("CARETAKER_SIM_OPCUA_PORT", "14840"));
        String broker = env("CARETAKER_SIM_MQTT_BROKER", "tcp://127.0.0.1:1883");
        Clock clock = Clock.systemUTC();

        Map<String, SimulatedDevice> devices = new LinkedHashMap<>();
        ModbusSimulatorServer modbus = new ModbusSimulatorServer(bind, modbusPort);
        devices.put("meter-1", modbus.addEnergyMeter("meter-1", 1, clock));
        OpcUaSimulatorServer opcua = OpcUaSimulatorServer.start(bind, opcuaPort);
        devices.put("ahu-1", opcua.addAirHandler("ahu-1", "ahu-1/", clock));
        SimulatedDoorContact door = new SimulatedDoorContact("door-1", broker, "zigbee2mqtt/door-1", Duration.ofSeconds(2), clock);
        devices.put("door-1", door);
        String scenarioFile = System.getenv("CARETAKER_SIM_SCENARIO");
        ScenarioRunner scenario = scenarioFile == null ? null
                : new ScenarioRunner(ScenarioFile.parse(scenarioFile, Files.readString(Path.of(scenarioFile))), devices);
        log.info("simulators running devices={} modbus={}:{} opcua={} mqtt={}", devices.keySet(), bind, modbus.port(),
                opcua.endpointUrl(), broker);

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (scenario != null) {
                scenario.close();
            }
            door.close();
            opcua.close();
            modbus.close();
            stopped.countDown();
        }));
        stopped.await();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
