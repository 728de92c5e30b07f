package io.caretaker.simulators.site;

import io.caretaker.deviceprofiles.DeviceProfile;
import io.caretaker.deviceprofiles.ProfileCatalog;
import io.caretaker.deviceprofiles.site.Connection;
import io.caretaker.deviceprofiles.site.InstalledDevice;
import io.caretaker.deviceprofiles.site.Site;
import io.caretaker.simulators.modbus.ModbusSimulatorServer;
import io.caretaker.simulators.model.DeviceModel;
import io.caretaker.simulators.model.Outgoing;
import io.caretaker.simulators.model.SimulatedTime;
import io.caretaker.simulators.mqtt.MqttOutlet;
import io.caretaker.simulators.mqtt.MqttState;
import io.caretaker.simulators.opcua.OpcUaSimulatorServer;
import io.caretaker.simulators.opcua.ProfileNodes;
import io.caretaker.simulators.scenario.Scenario;
import io.caretaker.simulators.scenario.ScenarioPlayer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every device of a site file whose profile has a {@code simulate} section, each on a real protocol server at the
 * port its connection names: a j2mod Modbus TCP slave per port (devices are its unit ids), a Milo OPC UA server per
 * endpoint, and one MQTT connection per broker. One thread advances simulated time, plays the scenario and shows
 * the devices' new values on their protocols.
 */
public final class SiteSimulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SiteSimulator.class);

    /** Where the servers listen, and where the OPC UA server keeps its certificates. */
    public record Settings(String bindAddress, Path opcuaPki) {
    }

    private final Site site;
    private final Scenario scenario;
    private final SimulatedTime time;
    private final Map<String, DeviceModel> devices = new LinkedHashMap<>();
    private final Map<String, Show> shows = new HashMap<>();
    private final Map<String, Instant> published = new HashMap<>();
    private final Map<String, Map<String, io.caretaker.deviceprofiles.canonical.Value>> publishedStates = new HashMap<>();
    private final Map<Integer, ModbusSimulatorServer> modbus = new LinkedHashMap<>();
    private final Map<Integer, OpcUaSimulatorServer> opcua = new LinkedHashMap<>();
    private final Map<String, MqttOutlet> mqtt = new LinkedHashMap<>();
    private final List<AutoCloseable> running = new ArrayList<>();
    private final ScheduledExecutorService ticker;
    private final ScenarioPlayer player;
    private volatile boolean playing;

    /** How one device's values reach its protocol. */
    private interface Show {
        void update(DeviceModel device, Instant now, List<Outgoing> messages);
    }

    /** Schedules count working days on the site file's calendar (its weekend and holidays). */
    public SiteSimulator(Site site, ProfileCatalog profiles, Scenario scenario, Settings settings, Clock clock) {
        this(site, profiles, scenario, settings, DeviceModel.workingDays(site.calendar()), clock);
    }

    /** Schedules count working days by {@code workingDay}: the hub's calendar, with its calendar files' holidays and make-up days. */
    public SiteSimulator(Site site, ProfileCatalog profiles, Scenario scenario, Settings settings, Predicate<LocalDate> workingDay,
                         Clock clock) {
        this.site = site;
        this.scenario = scenario;
        Instant start = scenario.start() != null ? scenario.start() : clock.instant();
        this.time = new SimulatedTime(start, scenario.acceleration(), clock);
        try {
            Map<Integer, Integer> modbusDevices = new HashMap<>();
            site.devices().forEach(d -> {
                if (d.connection().protocol() == io.caretaker.deviceprofiles.Protocol.MODBUS) {
                    modbusDevices.merge(d.connection().port(), 1, Integer::sum);
                }
            });
            for (InstalledDevice installed : site.devices()) {
                DeviceProfile profile = profiles.get(installed.profile());
                if (profile.simulate() == null) {
                    log.warn("no simulate section in the profile; the device is not simulated device={} profile={}",
                            installed.id(), installed.profile());
                    continue;
                }
                Connection c = installed.connection();
                DeviceModel device = new DeviceModel(installed.id(), c.topicId(), profile, site.timeZone(), workingDay, scenario.seed(), start);
                devices.put(installed.id(), device);
                shows.put(installed.id(), switch (c.protocol()) {
                    case MODBUS -> modbus(settings, c, device, modbusDevices.get(c.port()));
                    case OPCUA -> opcua(settings, c, device);
                    case MQTT -> mqtt(c, device);
                });
            }
            // the steps at 0 s are the state the site starts in: played before any client sees a value
            this.player = new ScenarioPlayer(scenario, start, devices);
            player.playUntil(start, (device, out) -> { });
            devices.values().forEach(d -> shows.get(d.deviceId()).update(d, start, List.of()));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        Duration every = devices.values().stream().map(d -> d.profile().simulate().every()).min(Duration::compareTo)
                .orElse(Duration.ofSeconds(1));
        long tickMillis = Math.max(100, Math.min(1000, Math.round(every.toMillis() / scenario.acceleration())));
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "site-simulator");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleWithFixedDelay(this::tick, 0, tickMillis, TimeUnit.MILLISECONDS);
        log.info("site simulated site={} devices={} modbusPorts={} opcuaPorts={} brokers={} seed={} acceleration={} tick={}ms",
                site.id(), devices.size(), modbus.keySet(), opcua.keySet(), mqtt.keySet(), scenario.seed(),
                scenario.acceleration(), tickMillis);
    }

    /** Starts the scenario's clock now: its {@code at}s count from this moment of simulated time. */
    public void startScenario() {
        player.restartFrom(time.instant());
        playing = true;
    }

    public SimulatedTime time() {
        return time;
    }

    public Map<String, DeviceModel> devices() {
        return java.util.Collections.unmodifiableMap(devices);
    }

    public Optional<DeviceModel> device(String deviceId) {
        return Optional.ofNullable(devices.get(deviceId));
    }

    /** Switches a behaviour of one device on now ({@code NORMAL} switches all off), as a person would by hand. */
    public void begin(String deviceId, String behaviour) {
        DeviceModel device = device(deviceId).orElseThrow(() -> new IllegalArgumentException(
                "no simulated device '" + deviceId + "'; simulated: " + devices.keySet()));
        Instant now = time.instant();
        show(device, now, device.begin(behaviour, now));
    }

    public void end(String deviceId, String behaviour) {
        DeviceModel device = device(deviceId).orElseThrow(() -> new IllegalArgumentException(
                "no simulated device '" + deviceId + "'; simulated: " + devices.keySet()));
        Instant now = time.instant();
        show(device, now, device.end(behaviour, now));
    }

    /** Messages published over MQTT so far, and those that could not be. */
    public long mqttSent() {
        return mqtt.values().stream().mapToLong(MqttOutlet::sent).sum();
    }

    public long mqttDropped() {
        return mqtt.values().stream().mapToLong(MqttOutlet::dropped).sum();
    }

    private void tick() {
        try {
            Instant now = time.instant();
            if (playing) {
                player.playUntil(now, (device, out) -> show(device, now, out));
            }
            for (DeviceModel device : devices.values()) {
                show(device, now, device.step(now));
            }
        } catch (RuntimeException e) {
            log.warn("simulation tick failed cause={}", e.toString(), e);
        }
    }

    private void show(DeviceModel device, Instant now, List<Outgoing> messages) {
        shows.get(device.deviceId()).update(device, now, messages);
    }

    private Show modbus(Settings settings, Connection c, DeviceModel device, int devicesOnPort) {
        ModbusSimulatorServer server = modbus.computeIfAbsent(c.port(), port -> started(
                new ModbusSimulatorServer(settings.bindAddress(), port, devicesOnPort + 4)));
        server.addDevice(c.unitId(), device);
        return (d, now, messages) -> server.update(d.deviceId());
    }

    private Show opcua(Settings settings, Connection c, DeviceModel device) {
        URI endpoint = URI.create(c.endpoint());
        if (!OpcUaSimulatorServer.PATH.equals(endpoint.getPath())) {
            throw new IllegalArgumentException("device " + device.deviceId() + ": endpoint " + c.endpoint()
                    + " cannot be simulated; the simulator serves opc.tcp://<host>:<port>" + OpcUaSimulatorServer.PATH);
        }
        OpcUaSimulatorServer server = opcua.computeIfAbsent(endpoint.getPort(), port -> started(
                OpcUaSimulatorServer.start(settings.bindAddress(), port, settings.opcuaPki().resolve(String.valueOf(port)))));
        ProfileNodes nodes = server.addDevice(device, c.nodePrefix());
        nodes.update(time.instant());
        return (d, now, messages) -> nodes.update(now);
    }

    private Show mqtt(Connection c, DeviceModel device) {
        MqttOutlet outlet = mqtt.computeIfAbsent(c.broker(), broker -> {
            try {
                return started(new MqttOutlet(broker, "caretaker-sim-" + site.id() + "-" + mqtt.size()));
            } catch (org.eclipse.paho.mqttv5.common.MqttException e) {
                throw new IllegalStateException("cannot connect the simulators to the MQTT broker " + broker + ": " + e.getMessage(), e);
            }
        });
        String topicId = c.topicId() == null ? device.deviceId() : c.topicId();
        List<String> topics = device.profile().mqtt().topics();
        String topic = c.topic() != null ? c.topic().replace("{id}", topicId)
                : topics.isEmpty() ? null : topics.get(0).replace("{id}", topicId);
        if (topic == null) {
            throw new IllegalArgumentException("device " + device.deviceId() + ": no topic to publish on; give the site's"
                    + " connection.topic or the profile's mqtt.topics");
        }
        Duration every = device.profile().simulate().every();
        return (d, now, messages) -> {
            if (d.silent()) {
                return;
            }
            Instant last = published.get(d.deviceId());
            // on its pace, and at once when a boolean changes (a door opens, a unit starts), as gateways do
            Map<String, io.caretaker.deviceprofiles.canonical.Value> states = booleans(d);
            if (last == null || !now.isBefore(last.plus(every)) || !states.equals(publishedStates.get(d.deviceId()))) {
                String state = MqttState.of(d);
                if (state != null) {
                    outlet.publish(topic, state);
                }
                published.put(d.deviceId(), now);
                publishedStates.put(d.deviceId(), states);
            }
            for (Outgoing message : messages) {
                outlet.publish(message.topic() == null ? topic : message.topic(), message.text());
            }
        };
    }

    private static Map<String, io.caretaker.deviceprofiles.canonical.Value> booleans(DeviceModel device) {
        Map<String, io.caretaker.deviceprofiles.canonical.Value> states = new HashMap<>();
        device.values().forEach((point, value) -> {
            if (value instanceof io.caretaker.deviceprofiles.canonical.Value.Bool) {
                states.put(point, value);
            }
        });
        return states;
    }

    private <T extends AutoCloseable> T started(T server) {
        running.add(server);
        return server;
    }

    @Override
    public void close() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (Exception e) {
                log.warn("simulator part did not stop cleanly part={} cause={}", running.get(i).getClass().getSimpleName(), e.toString());
            }
        }
        running.clear();
    }
}
