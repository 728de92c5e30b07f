package io.caretaker.hub.demo;

import io.caretaker.deviceprofiles.site.InstalledDevice;
import io.caretaker.deviceprofiles.site.Site;
import io.caretaker.simulators.SimulatedDevice;
import io.caretaker.simulators.modbus.ModbusSimulatorServer;
import io.caretaker.simulators.mqtt.SimulatedDoorContact;
import io.caretaker.simulators.opcua.OpcUaSimulatorServer;
import io.caretaker.simulators.scenario.Scenario;
import io.caretaker.simulators.scenario.ScenarioFile;
import io.caretaker.simulators.scenario.ScenarioRunner;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * The embedded demo: an in-process MQTT broker and a simulator for every device of the site file, each on a
 * real protocol server (Milo OPC UA, j2mod Modbus TCP, MQTT), built before Camel starts its routes so the
 * connectors find their peers up; the demo scenario starts once the hub is ready.
 */
@Component
@ConditionalOnProperty(name = "caretaker.demo.enabled", havingValue = "true")
public class DemoSite implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DemoSite.class);

    private final List<AutoCloseable> running = new ArrayList<>();
    private final Map<String, SimulatedDevice> devices = new LinkedHashMap<>();
    private final Scenario scenario;

    public DemoSite(DemoProperties demo, Site site, ResourceLoader resources, Clock clock) throws Exception {
        try {
            EmbeddedBroker broker = new EmbeddedBroker(demo.bindAddress(), demo.mqttPort(), demo.workDir());
            running.add(broker);
            broker.start();
            ModbusSimulatorServer modbus = null;
            OpcUaSimulatorServer opcua = null;
            for (InstalledDevice device : site.devices()) {
                switch (device.profile()) {
                    case "energy-meter-sdm630" -> {
                        if (modbus == null) {
                            modbus = started(new ModbusSimulatorServer(demo.bindAddress(), demo.modbusPort()));
                        }
                        devices.put(device.id(), modbus.addEnergyMeter(device.id(), device.connection().unitId(), clock));
                    }
                    case "air-handler-basic" -> {
                        if (opcua == null) {
                            opcua = started(OpcUaSimulatorServer.start(demo.bindAddress(), demo.opcuaPort(), demo.workDir().resolve("opcua-pki")));
                        }
                        devices.put(device.id(), opcua.addAirHandler(device.id(), device.connection().nodePrefix(), clock));
                    }
                    case "door-contact-zigbee" -> devices.put(device.id(), started(new SimulatedDoorContact(device.id(),
                            device.connection().broker(), device.connection().topic(), Duration.ofSeconds(2), clock)));
                    default -> log.warn("no simulator for this profile; the device will stay UNKNOWN device={} profile={}",
                            device.id(), device.profile());
                }
            }
            String scenarioYaml = resources.getResource(demo.scenario()).getContentAsString(StandardCharsets.UTF_8);
            this.scenario = ScenarioFile.parse(demo.scenario(), scenarioYaml);
            log.info("demo started devices={} mqttPort={} modbusPort={} opcuaPort={}",
                    devices.keySet(), demo.mqttPort(), demo.modbusPort(), demo.opcuaPort());
        } catch (Exception | Error e) {
            destroy();
            throw e;
        }
    }

    /** The scenario's clock starts when the hub is ready, so its faults fall within the first minute of use. */
    @EventListener(ApplicationReadyEvent.class)
    public void startScenario() {
        running.add(new ScenarioRunner(scenario, devices));
    }

    private <T extends AutoCloseable> T started(T server) {
        running.add(server);
        return server;
    }

    public Optional<SimulatedDevice> device(String deviceId) {
        return Optional.ofNullable(devices.get(deviceId));
    }

    public Map<String, SimulatedDevice> devices() {
        return Map.copyOf(devices);
    }

    @Override
    public void destroy() {
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (Exception e) {
                log.warn("demo part did not stop cleanly part={} cause={}", running.get(i).getClass().getSimpleName(), e.toString());
            }
        }
        running.clear();
    }

}
