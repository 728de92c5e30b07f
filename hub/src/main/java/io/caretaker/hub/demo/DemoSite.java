package io.caretaker.hub.demo;

import io.caretaker.deviceprofiles.ProfileCatalog;
import io.caretaker.deviceprofiles.site.Site;
import io.caretaker.hub.calendar.WorkingCalendar;
import io.caretaker.hub.utilisation.RunTracker;
import io.caretaker.simulators.model.DeviceModel;
import io.caretaker.simulators.scenario.Scenario;
import io.caretaker.simulators.scenario.ScenarioFile;
import io.caretaker.simulators.site.SiteSimulator;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.FutureTask;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * The embedded demo: an in-process MQTT broker and a simulator for every device of the site file whose profile has
 * a {@code simulate} section, each on a real protocol server (Milo OPC UA, j2mod Modbus TCP, MQTT), built before
 * Camel starts its routes so the connectors find their peers up; the demo scenario starts once the hub is ready.
 * Meanwhile the last days' utilisation is filled from the same models ({@link DemoHistory}), on threads of its own
 * while the rest of the hub starts, and finished before Camel starts: the run tracker takes a device's samples in
 * time order, so the days filled must all be in before the connectors hear the live devices.
 */
@Component
@ConditionalOnProperty(name = "caretaker.demo.enabled", havingValue = "true")
public class DemoSite implements SmartInitializingSingleton, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DemoSite.class);

    private final EmbeddedBroker broker;
    private final SiteSimulator simulator;
    private final FutureTask<Void> history;

    public DemoSite(DemoProperties demo, Site site, ProfileCatalog profiles, ResourceLoader resources, Clock clock, RunTracker running,
                    WorkingCalendar calendar) throws Exception {
        String scenarioYaml = resources.getResource(demo.scenario()).getContentAsString(StandardCharsets.UTF_8);
        Scenario scenario = ScenarioFile.parse(demo.scenario(), scenarioYaml);
        // the simulated plant keeps the hub's calendar: an office air handler stays off on holidays, runs on make-up days
        Predicate<LocalDate> workingDay = calendar::isWorkingDay;
        this.history = new FutureTask<>(() -> fillHistory(demo, site, profiles, scenario, running, workingDay, clock), null);
        Thread filling = new Thread(history, "demo-history");
        filling.setDaemon(true);
        filling.start();
        this.broker = new EmbeddedBroker(demo.bindAddress(), demo.mqttPort(), demo.workDir());
        try {
            broker.start();
            this.simulator = new SiteSimulator(site, profiles, scenario,
                    new SiteSimulator.Settings(demo.bindAddress(), demo.workDir().resolve("opcua-pki")), workingDay, clock);
        } catch (Exception | Error e) {
            history.cancel(true);
            broker.close();
            throw e;
        }
        log.info("demo started devices={} mqttPort={} modbusPort={} opcuaPort={} scenario={}",
                simulator.devices().size(), demo.mqttPort(), demo.modbusPort(), demo.opcuaPort(), scenario.name());
    }

    /** Before the connectors hear the live devices, so the days filled end where the live data begins. */
    private static void fillHistory(DemoProperties demo, Site site, ProfileCatalog profiles, Scenario scenario, RunTracker running,
                                    Predicate<LocalDate> workingDay, Clock clock) {
        if (demo.historyDays() <= 0) {
            return;
        }
        if (scenario.start() != null || scenario.acceleration() != 1) {
            log.info("demo history not filled: scenario={} runs on its own clock (start or acceleration)", scenario.name());
            return;
        }
        Instant now = clock.instant();
        List<String> filled = DemoHistory.fill(site, profiles, scenario, running, workingDay, now, demo.historyDays());
        log.info("demo history filled days={} devices={} took={}ms", demo.historyDays(), filled,
                Duration.between(now, clock.instant()).toMillis());
    }

    /** Every bean is made, Camel has not started its routes: the filled days must be in before the first live sample. */
    @Override
    public void afterSingletonsInstantiated() {
        DemoHistory.await(history);
    }

    /** The scenario's clock starts when the hub is ready, so its faults fall within the first minutes of use. */
    @EventListener(ApplicationReadyEvent.class)
    public void startScenario() {
        simulator.startScenario();
    }

    public Optional<DeviceModel> device(String deviceId) {
        return simulator.device(deviceId);
    }

    public Map<String, DeviceModel> devices() {
        return simulator.devices();
    }

    /** Switches a behaviour of a simulated device on ({@code NORMAL}: all off; {@code SILENT}: stops answering). */
    public void begin(String deviceId, String behaviour) {
        simulator.begin(deviceId, behaviour);
    }

    public void end(String deviceId, String behaviour) {
        simulator.end(deviceId, behaviour);
    }

    @Override
    public void destroy() {
        history.cancel(true);
        simulator.close();
        broker.close();
    }
}
