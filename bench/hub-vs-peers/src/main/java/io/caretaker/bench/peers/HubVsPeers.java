package io.caretaker.bench.peers;

import com.fasterxml.jackson.databind.JsonNode;
import io.caretaker.bench.peers.Report.Row;
import io.caretaker.bench.peers.Report.Verdict;
import io.caretaker.simulators.modbus.ModbusSimulatorServer;
import io.caretaker.simulators.opcua.OpcUaSimulatorServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * The hub against its peers on this machine, in one run: the bare broker (B_mqtt) and the hub's MQTT ingest; the
 * hub's Modbus and OPC UA connectors and bare j2mod and Milo clients on the same simulated devices; fault to alarm
 * and to work order at 80% of the sustained rate; heap after GC at 0, 10k and 100k points; start-up to the first
 * stored sample beside an empty Spring Boot + Camel app. Prints one table and writes it as Markdown and JSON.
 *
 * <pre>java ... HubVsPeers --hub-jar=hub/target/caretaker-hub.jar --empty-jar=bench/empty-app/target/empty-app.jar
 *     [--scale=tiny|default|long] [--jfr] [--out=dir] [--api-user=admin]</pre>
 */
public final class HubVsPeers {

    private static final Pattern EMPTY_STARTED = Pattern.compile("Started EmptyApp in ([\\d.]+) seconds");

    private final Options options;
    private final Scale scale;
    private final Progress progress = new Progress();
    private final Path work;
    private Report report;

    private HubVsPeers(Options options) throws Exception {
        this.options = options;
        this.scale = Scale.named(options.scale());
        this.work = options.out().toAbsolutePath().resolve("run-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    }

    /** Command-line options. */
    record Options(Path hubJar, Path emptyJar, String scale, boolean jfr, Path out, String apiUser, List<String> only) {

        static final List<String> PHASES = List.of("startup", "baseline", "heap", "ingest", "protocols");

        /** Whether to run a phase: all by default; {@code --only=ingest,protocols} for a quick look at some. */
        boolean runs(String phase) {
            return only.isEmpty() || only.contains(phase);
        }

        static Options parse(String[] args) {
            Map<String, String> given = new LinkedHashMap<>();
            for (String arg : args) {
                if (!arg.startsWith("--")) {
                    throw new IllegalArgumentException("unknown argument " + arg + "; options: --hub-jar= --empty-jar= "
                            + "--scale=tiny|default|long --jfr --out= --api-user= --only=" + String.join(",", PHASES));
                }
                int eq = arg.indexOf('=');
                given.put(eq < 0 ? arg.substring(2) : arg.substring(2, eq), eq < 0 ? "true" : arg.substring(eq + 1));
            }
            Options options = new Options(Path.of(given.getOrDefault("hub-jar", "hub/target/caretaker-hub.jar")),
                    Path.of(given.getOrDefault("empty-jar", "bench/empty-app/target/empty-app.jar")),
                    given.getOrDefault("scale", "default"), Boolean.parseBoolean(given.getOrDefault("jfr", "false")),
                    Path.of(given.getOrDefault("out", "bench/hub-vs-peers/target/results")), given.getOrDefault("api-user", "admin"),
                    given.containsKey("only") ? List.of(given.get("only").split(",")) : List.of());
            if (!PHASES.containsAll(options.only())) {
                throw new IllegalArgumentException("--only=" + given.get("only") + ": phases are " + String.join(",", PHASES));
            }
            for (Path jar : List.of(options.hubJar(), options.emptyJar())) {
                if (!Files.isRegularFile(jar)) {
                    throw new IllegalArgumentException(jar + " does not exist; build it first: ./mvnw -B -o -Pbench package -DskipTests");
                }
            }
            return options;
        }
    }

    public static void main(String[] args) throws Exception {
        new HubVsPeers(Options.parse(args)).run();
    }

    private void run() throws Exception {
        Files.createDirectories(work);
        Machine machine = Machine.describe();
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("scale", scale);
        settings.put("jfr", options.jfr());
        report = new Report(machine, settings);
        System.out.println("hub vs peers, scale " + scale.name() + ", on " + machine.summary());
        System.out.println("logs, JFR recordings and results under " + work.toAbsolutePath());
        try (Influx influx = Influx.start(work.resolve("influxd")); Mosquitto mqtt = Mosquitto.start(work.resolve("mosquitto"))) {
            settings.put("broker", mqtt.version() + " (started by the benchmark, stock limits)");
            settings.put("store", "InfluxDB " + influx.version());
            Path profiles = work.resolve("profiles");
            BenchSite.writeProfiles(profiles, scale.opcuaVariables(), scale.opcuaIntervalMillis());

            EmptyAppTimes empty = options.runs("startup") ? emptyApp() : null;
            MqttBaseline.Result baseline = options.runs("baseline") ? baseline(mqtt) : null;
            long heap0 = options.runs("heap") ? heapOnly("hub-0", 0, mqtt, influx, profiles) : -1;
            long heap10k = options.runs("ingest") || options.runs("startup") ? mqttHub(mqtt, influx, profiles, baseline, empty) : -1;
            if (options.runs("heap")) {
                long heap100k = heapOnly("hub-100k", scale.heapPoints().get(2), mqtt, influx, profiles);
                heapRows(heap0, heap10k, heap100k);
            }
            if (options.runs("protocols")) {
                protocols(influx, profiles);
            }
        }
        report.finish(progress.elapsed());
        report.write(options.out());
        report.write(work);
        System.out.println();
        System.out.println(report.markdown());
        System.out.println("written to " + options.out().resolve("hub-vs-peers.md") + " and .json");
    }

    // ---- start-up ------------------------------------------------------------------------------------------

    private record EmptyAppTimes(double firstExchange, double started) {
    }

    private EmptyAppTimes emptyApp() throws Exception {
        progress.phase("1/6 empty Spring Boot + Camel app: launch to first exchange handled");
        try (JavaApp app = JavaApp.launch("empty-app", options.emptyJar(), List.of(), List.of(), Map.of(), work.resolve("empty-app"))) {
            JavaApp.Line first = app.awaitLineAt(Pattern.compile(Pattern.quote("empty-app: first exchange handled")), Hub.START_TIMEOUT);
            double started = Double.parseDouble(app.awaitLine(EMPTY_STARTED, Duration.ofSeconds(30)).group(1));
            double seconds = (first.arrivedNanos() - app.launchedNanos()) / 1e9;
            progress.line("first exchange %.2f s after launch (Spring Boot says started in %.2f s)", seconds, started);
            return new EmptyAppTimes(seconds, started);
        }
    }

    // ---- B_mqtt --------------------------------------------------------------------------------------------

    private MqttBaseline.Result baseline(Mosquitto mqtt) throws Exception {
        progress.phase("2/6 B_mqtt: Paho publisher -> Mosquitto -> Paho subscriber, QoS 1, the hub's payload");
        MqttBaseline.Result result = MqttBaseline.measure(mqtt.url(), scale.baselineSeconds(), progress);
        progress.line("%,.0f msg/s delivered (%,d published, %,d delivered)", result.rate(), result.published(), result.delivered());
        report.add(new Row("B_mqtt: Paho pub -> Mosquitto -> Paho sub, QoS 1, 3 readings a message", result.rate(), "msg/s",
                null, null, null, null, Verdict.NONE,
                result.delivered() < result.published() ? "(" + (result.published() - result.delivered()) + " not delivered)" : null));
        return result;
    }

    // ---- heap ----------------------------------------------------------------------------------------------

    /**
     * Heap after GC of a hub whose site has {@code points} points on wide MQTT devices of 30 points, once every point
     * has reported. (33,334 three-point sensors would need a site file beyond the 3 MiB the hub's YAML reader takes.)
     */
    private long heapOnly(String name, int points, Mosquitto mqtt, Influx influx, Path profiles) throws Exception {
        int sensors = (points + BenchSite.POINTS_PER_WIDE - 1) / BenchSite.POINTS_PER_WIDE;
        progress.phase((points == 0 ? "3/6" : "5/6") + " heap after GC: hub with " + points + " points (" + sensors + " devices of "
                + BenchSite.POINTS_PER_WIDE + " points)");
        Path dir = work.resolve(name);
        Files.createDirectories(dir);
        Path site = dir.resolve("site.yaml");
        BenchSite.writeSensorSite(site, name.replace("-", ""), sensors, BenchSite.WIDE_PROFILE, mqtt.url());
        try (Hub hub = Hub.start(name, options.hubJar(), dir, site, profiles, influx, name.replace("-", "_"), options.jfr(), options.apiUser())) {
            progress.line("started (Spring Boot says %.2f s)", hub.startedSeconds());
            if (sensors > 0) {
                try (Publisher publisher = new Publisher(mqtt.url(), "bench-" + name)) {
                    reportEverySensor(hub, publisher, sensors, Publisher.wide(BenchSite.POINTS_PER_WIDE), BenchSite.POINTS_PER_WIDE);
                }
            }
            long heap = hub.app().heapAfterGc();
            progress.line("heap after GC %.1f MiB", heap / 1048576.0);
            return heap;
        }
    }

    /**
     * One message from every sensor, so that each point has been seen, and wait until all are stored: in chunks, each
     * stored before the next is sent, so a hub slower than the publisher loses nothing at the broker.
     */
    private void reportEverySensor(Hub hub, Publisher publisher, int sensors, Publisher.Payloads payloads, int points)
            throws Exception {
        double before = hub.written();
        int chunk = 200;
        double written = before;
        for (int from = 0; from < sensors; from += chunk) {
            int first = from;
            int count = Math.min(chunk, sensors - from);
            for (int i = 0; i < count; i++) {
                publisher.publish(BenchSite.sensorId(first + i), payloads.payload(first + i));
            }
            double expected = before + (double) (first + count) * points;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while ((written = hub.written()) < expected && System.nanoTime() < deadline) {
                Thread.sleep(50); // polling the hub's counter: it has no way to tell us
            }
            if (written < expected) {
                throw new IllegalStateException(String.format("the hub stored %,.0f of %,.0f samples within 30 s; see %s",
                        written - before, expected - before, hub.app().log()));
            }
        }
        progress.line("%,.0f samples stored for %,d devices", written - before, sensors);
    }

    private void heapRows(long heap0, long heap10k, long heap100k) {
        double mib0 = heap0 / 1048576.0;
        double mib10k = heap10k / 1048576.0;
        double mib100k = heap100k / 1048576.0;
        int p1 = scale.heapPoints().get(1);
        int p2 = scale.heapPoints().get(2);
        report.add(new Row("heap after GC, 0 points", mib0, "MiB", null, null, null, null, Verdict.NONE, null));
        double per10k1 = (mib10k - mib0) / (p1 / 10_000.0);
        double per10k2 = (mib100k - mib0) / (p2 / 10_000.0);
        report.add(new Row(String.format("heap after GC, %,d points (%,d sensors of %d)", p1, Scale.sensorsFor(p1), BenchSite.POINTS_PER_SENSOR), mib10k, "MiB", null, null, null,
                "<= 50 MiB per 10k points", Report.atMost(per10k1, 50), String.format("(%.1f MiB per 10k)", per10k1)));
        report.add(new Row(String.format("heap after GC, %,d points (%,d devices of %d)", p2,
                (p2 + BenchSite.POINTS_PER_WIDE - 1) / BenchSite.POINTS_PER_WIDE, BenchSite.POINTS_PER_WIDE), mib100k, "MiB", null, null, null,
                "<= 50 MiB per 10k points", Report.atMost(per10k2, 50), String.format("(%.1f MiB per 10k)", per10k2)));
    }

    // ---- the MQTT hub: start-up, heap at 10k, sustained ingest, fault latency ---------------------------------

    private long mqttHub(Mosquitto mqtt, Influx influx, Path profiles, MqttBaseline.Result baseline, EmptyAppTimes empty)
            throws Exception {
        int points = scale.heapPoints().get(1);
        int sensors = Scale.sensorsFor(points);
        progress.phase("4/6 hub with " + points + " points (" + sensors + " MQTT sensors): start-up, heap, ingest, fault latency");
        String name = "hub-10k";
        Path dir = work.resolve(name);
        Files.createDirectories(dir);
        Path site = dir.resolve("site.yaml");
        BenchSite.writeSensorSite(site, "bench10k", sensors, BenchSite.SENSOR_PROFILE, mqtt.url());
        String database = "hub_10k";
        String password = Hub.newPassword();

        // a sensor reports every 20 ms from before the launch, so the first stored sample marks when the hub is working
        AtomicBoolean stopProbe = new AtomicBoolean();
        Publisher probe = new Publisher(mqtt.url(), "bench-probe");
        Thread prober = new Thread(() -> {
            try {
                probe.run(50, 600, n -> BenchSite.sensorId(sensors - 1), stopProbe);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "startup-probe");
        prober.setDaemon(true);
        JavaApp app;
        double firstStored;
        try {
            prober.start();
            app = Hub.launch(name, options.hubJar(), dir, site, profiles, influx, database, options.jfr(), password);
            long deadline = System.nanoTime() + Hub.START_TIMEOUT.toNanos();
            while (influx.count(database) == 0) {
                if (!app.isAlive() || System.nanoTime() > deadline) {
                    app.close();
                    throw new IllegalStateException("the hub stored no sample; see " + app.log() + "\n" + app.tail(30));
                }
                Thread.sleep(20); // polling the store: the first stored sample is what is being timed
            }
            firstStored = (System.nanoTime() - app.launchedNanos()) / 1e9;
        } finally {
            stopProbe.set(true);
            prober.join(5_000);
            probe.close();
        }
        try (Hub hub = Hub.started(app, database, options.apiUser(), password)) {
            progress.line("first sample stored %.2f s after launch (Spring Boot says started in %.2f s)", firstStored, hub.startedSeconds());
            if (empty != null) {
                report.add(new Row("start-up: launch to first stored sample (hub, " + sensors + " sensors)", firstStored, "s",
                        "empty Spring Boot + Camel app, launch to first exchange", empty.firstExchange(), firstStored / empty.firstExchange(),
                        "<= 1.5 x empty app", Report.atMost(firstStored / empty.firstExchange(), 1.5),
                        String.format("(Spring Boot's own figure: hub %.1f s, empty %.1f s)", hub.startedSeconds(), empty.started())));
            }

            try (Publisher publisher = new Publisher(mqtt.url(), "bench-load")) {
                reportEverySensor(hub, publisher, sensors, Publisher.NORMAL, BenchSite.POINTS_PER_SENSOR);
                long heap = hub.app().heapAfterGc();
                progress.line("heap after GC %.1f MiB", heap / 1048576.0);
                if (!options.runs("ingest")) {
                    return heap;
                }

                int faultSensors = Math.min(scale.faults(), sensors / 2);
                int first = faultSensors;
                int background = sensors - first - 1; // the last sensor was the start-up probe
                Publisher.Devices load = n -> BenchSite.sensorId(first + (int) (n % background));
                double sustained = sustainedIngest(hub, mqtt, publisher, load);
                double bMqtt = baseline == null ? Double.NaN : baseline.rate();
                report.add(new Row("hub ingest: MQTT -> rules -> InfluxDB, sustained with nothing lost, 3 points a message",
                        sustained, "msg/s", "B_mqtt", bMqtt, sustained / bMqtt, ">= 0.5 x B_mqtt",
                        Report.atLeast(sustained / bMqtt, 0.5), String.format("(%,.0f points/s)", sustained * 3)));
                faultLatency(hub, mqtt, publisher, load, 0.8 * sustained, faultSensors);
                return heap;
            }
        }
    }

    private double sustainedIngest(Hub hub, Mosquitto mqtt, Publisher publisher, Publisher.Devices load) throws Exception {
        progress.line("sustained ingest: steps of %.0f s, all %d readings of every message must be stored", scale.stepSeconds(),
                BenchSite.POINTS_PER_SENSOR);
        double rate = scale.firstRate();
        double passed = 0;
        double failed = Double.POSITIVE_INFINITY;
        Duration grace = Duration.ofMillis((long) Math.max(1000, scale.stepSeconds() * 100));
        long brokerDropped = mqtt.dropped();
        for (int step = 1; step <= scale.maxSteps(); step++) {
            awaitQuiet(hub);
            double w0 = hub.written();
            double d0 = hub.dropped();
            Publisher.Run run = publisher.run(rate, scale.stepSeconds(), load, new AtomicBoolean());
            publisher.awaitAcknowledged(30);
            double expected = (double) run.sent() * BenchSite.POINTS_PER_SENSOR;
            long deadline = System.nanoTime() + grace.toNanos();
            double stored;
            while ((stored = hub.written() - w0) < expected && System.nanoTime() < deadline) {
                Thread.sleep(50); // polling the hub's counter until it has stored the step or the grace is over
            }
            double dropped = hub.dropped() - d0;
            long brokerNow = mqtt.dropped();
            long lostAtBroker = brokerNow - brokerDropped;
            brokerDropped = brokerNow;
            boolean kept = stored >= expected && dropped == 0;
            boolean publisherBound = run.rate() < 0.95 * rate;
            progress.line("step %d: offered %,7.0f msg/s, sent %,7.0f msg/s, stored %,.0f of %,.0f readings%s%s -> %s", step, rate,
                    run.rate(), stored, expected, dropped > 0 ? ", " + (long) dropped + " dropped by the hub's telemetry buffer" : "",
                    lostAtBroker > 0 ? ", " + lostAtBroker + " messages dropped by the broker" : "", kept ? "kept up" : "fell behind");
            if (kept) {
                passed = Math.max(passed, run.rate());
                if (publisherBound) {
                    progress.line("the publisher could send no faster; the hub kept up with all of it");
                    break;
                }
            } else {
                failed = Math.min(failed, rate);
            }
            if (failed / Math.max(passed, 1) < 1.1) {
                break;
            }
            rate = Double.isInfinite(failed) ? rate * 1.6 : (passed + failed) / 2;
        }
        progress.line("sustained: %,.0f msg/s (%,.0f points/s)", passed, passed * 3);
        return passed;
    }

    /** Until the hub's stored count stops moving: a step that fell behind leaves work queued behind it. */
    private void awaitQuiet(Hub hub) throws Exception {
        double last = -1;
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        double now;
        while ((now = hub.written()) != last && System.nanoTime() < deadline) {
            last = now;
            Thread.sleep(300); // polling the counter: nothing announces that the backlog is gone
        }
    }

    private void faultLatency(Hub hub, Mosquitto mqtt, Publisher publisher, Publisher.Devices load, double rate, int faults)
            throws Exception {
        progress.line("fault latency: %d faults, one sensor each, under %,.0f msg/s of normal readings (80%% of sustained)", faults, rate);
        awaitQuiet(hub);
        long brokerDropped0 = mqtt.dropped();
        AtomicBoolean stop = new AtomicBoolean();
        List<Publisher.Run> background = new ArrayList<>();
        Thread loader = new Thread(() -> {
            try {
                background.add(publisher.run(rate, 3_600, load, stop));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "background-load");
        loader.setDaemon(true);
        List<Double> toAlarm = new ArrayList<>();
        List<Double> toWorkOrder = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        try (Publisher faulty = new Publisher(mqtt.url(), "bench-faults")) {
            loader.start();
            Thread.sleep(1_000); // let the load settle before the first fault
            for (int i = 0; i < faults; i++) {
                String device = BenchSite.sensorId(i);
                long sent = System.nanoTime();
                faulty.publish(device, Publisher.payload(BenchSite.FAULT_ABOVE + 15, i));
                Double alarmAt = null;
                Double workOrderAt = null;
                long deadline = sent + Duration.ofSeconds(10).toNanos();
                while (workOrderAt == null && System.nanoTime() < deadline) {
                    JsonNode alarms = hub.api().activeAlarms();
                    long seen = System.nanoTime();
                    for (JsonNode alarm : alarms) {
                        if (device.equals(alarm.path("deviceId").asText())) {
                            if (alarmAt == null) {
                                alarmAt = (seen - sent) / 1e6;
                            }
                            if (!alarm.path("workOrderId").isNull() && !alarm.path("workOrderId").isMissingNode()) {
                                workOrderAt = (seen - sent) / 1e6;
                            }
                        }
                    }
                    if (workOrderAt == null) {
                        Thread.sleep(5); // polling the API as a console would; the poll interval bounds the resolution
                    }
                }
                if (alarmAt == null || workOrderAt == null) {
                    missing.add(device + (alarmAt == null ? " (no alarm)" : " (alarm, no work order)"));
                } else {
                    toAlarm.add(alarmAt);
                    toWorkOrder.add(workOrderAt);
                }
                faulty.publish(device, Publisher.payload(BenchSite.CLEAR_BELOW - 50, i)); // back to normal
                if ((i + 1) % Math.max(1, faults / 5) == 0) {
                    progress.line("%d/%d faults: last to alarm %s ms", i + 1, faults, alarmAt == null ? "-" : String.format("%.0f", alarmAt));
                }
            }
        } finally {
            stop.set(true);
            loader.join(10_000);
        }
        double achieved = background.isEmpty() ? 0 : background.get(0).rate();
        long lostAtBroker = mqtt.dropped() - brokerDropped0;
        if (!missing.isEmpty()) {
            progress.line("not seen within 10 s: %s; the broker dropped %,d messages meanwhile", String.join(", ", missing), lostAtBroker);
        }
        String note = String.format("(%d faults under %,.0f msg/s%s%s; API polled every 5 ms)", toAlarm.size(), achieved,
                missing.isEmpty() ? "" : ", " + missing.size() + " never seen within 10 s: " + String.join(", ", missing),
                lostAtBroker > 0 ? String.format(", %,d messages dropped by the broker", lostAtBroker) : "");
        if (toAlarm.isEmpty()) {
            report.add(new Row("fault -> alarm p99", Double.NaN, "ms", null, null, null, "<= 250 ms", Verdict.MISSED, note));
            return;
        }
        double a50 = Report.percentile(toAlarm, 50);
        double a99 = Report.percentile(toAlarm, 99);
        double w50 = Report.percentile(toWorkOrder, 50);
        double w99 = Report.percentile(toWorkOrder, 99);
        progress.line("fault -> alarm p50 %.0f ms p99 %.0f ms; fault -> work order p50 %.0f ms p99 %.0f ms", a50, a99, w50, w99);
        report.add(new Row("fault -> alarm in the API, p50 (rule without delay)", a50, "ms", null, null, null, null, Verdict.NONE, null));
        report.add(new Row("fault -> alarm in the API, p99", a99, "ms", null, null, null, "<= 250 ms beyond the rule's delay (0)",
                Report.atMost(a99, 250) == Verdict.MET && missing.isEmpty() ? Verdict.MET : Verdict.MISSED, note));
        report.add(new Row("fault -> work order, p50", w50, "ms", null, null, null, null, Verdict.NONE, null));
        report.add(new Row("fault -> work order, p99", w99, "ms", null, null, null, "<= 1 s",
                Report.atMost(w99, 1000) == Verdict.MET && missing.isEmpty() ? Verdict.MET : Verdict.MISSED, null));
    }

    // ---- Modbus and OPC UA ---------------------------------------------------------------------------------

    private void protocols(Influx influx, Path profiles) throws Exception {
        int meters = scale.meters();
        int devices = scale.opcuaDevices();
        int variables = scale.opcuaVariables();
        int interval = scale.opcuaIntervalMillis();
        progress.phase(String.format("6/6 Modbus (%d SDM630 meters, polled again %d ms after each answer) and OPC UA (%d x %d variables changing every %d ms)",
                meters, BenchSite.MODBUS_POLL_INTERVAL.toMillis(), devices, variables, interval));
        ModbusSimulatorServer modbus = new ModbusSimulatorServer("127.0.0.1", 0);
        OpcUaSimulatorServer opcua = OpcUaSimulatorServer.start("127.0.0.1", 0, work.resolve("opcua-server-pki"));
        ScheduledExecutorService changes = Executors.newSingleThreadScheduledExecutor();
        try {
            for (int i = 1; i <= meters; i++) {
                modbus.addEnergyMeter(BenchSite.meterId(i), i, Clock.systemUTC());
            }
            for (int d = 1; d <= devices; d++) {
                opcua.addBulkDevice(BenchSite.opcuaId(d), BenchSite.opcuaId(d) + "/", variables);
            }
            changes.scheduleAtFixedRate(opcua::changeBulkValues, interval, interval, TimeUnit.MILLISECONDS);
            double offered = devices * variables * 1000.0 / interval;

            // the bare clients first, alone, then the hub alone: each gets the machine to itself
            double bareModbus;
            double bareOpcUa;
            try (BareModbus j2mod = new BareModbus("127.0.0.1", modbus.port(), meters, BenchSite.MODBUS_POLL_INTERVAL);
                 BareOpcUa milo = new BareOpcUa(opcua.endpointUrl(), devices, variables, interval)) {
                j2mod.start();
                Thread.sleep(2_000); // warm-up, untimed
                long m0 = j2mod.points();
                long o0 = milo.values();
                long t0 = System.nanoTime();
                Thread.sleep((long) (scale.protocolSeconds() * 1000));
                double seconds = (System.nanoTime() - t0) / 1e9;
                bareModbus = (j2mod.points() - m0) / seconds;
                bareOpcUa = (milo.values() - o0) / seconds;
            }
            progress.line("bare j2mod loop %,.0f points/s; bare Milo client %,.0f values/s (offered %,.0f/s)", bareModbus, bareOpcUa, offered);

            String name = "hub-protocols";
            Path dir = work.resolve(name);
            Files.createDirectories(dir);
            Path site = dir.resolve("site.yaml");
            BenchSite.writeProtocolSite(site, "benchprotocols", "127.0.0.1", modbus.port(), meters, opcua.endpointUrl(), devices);
            double hubModbus;
            double hubOpcUa;
            double droppedPerSecond;
            try (Hub hub = Hub.start(name, options.hubJar(), dir, site, profiles, influx, "protocols", options.jfr(), options.apiUser())) {
                progress.line("hub started (Spring Boot says %.2f s); waiting for both protocols' samples", hub.startedSeconds());
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while ((influx.count("protocols", "meter-", null, null) == 0 || influx.count("protocols", "ua-", null, null) == 0)
                        && System.nanoTime() < deadline) {
                    Thread.sleep(100); // polling the store for the first samples of each protocol
                }
                Thread.sleep(3_000); // warm-up, untimed
                double dropped0 = hub.dropped();
                Instant from = Instant.now();
                Thread.sleep((long) (scale.protocolSeconds() * 1000));
                Instant to = Instant.now();
                double seconds = Duration.between(from, to).toNanos() / 1e9;
                droppedPerSecond = (hub.dropped() - dropped0) / seconds;
                Thread.sleep(2_000); // the writer's last batch of the window
                hubModbus = influx.count("protocols", "meter-", from, to) / seconds;
                hubOpcUa = influx.count("protocols", "ua-", from, to) / seconds;
            }
            progress.line("hub Modbus %,.0f points/s; hub OPC UA %,.0f points/s (stored; %,.0f samples/s dropped by the full telemetry buffer)",
                    hubModbus, hubOpcUa, droppedPerSecond);
            String dropNote = droppedPerSecond > 0 ? String.format(", and %,.0f samples/s of both dropped by the full telemetry buffer", droppedPerSecond) : "";
            report.add(new Row(String.format("Modbus TCP points/s (%d meters x 9 points, polled again %d ms after each answer)", meters,
                    BenchSite.MODBUS_POLL_INTERVAL.toMillis()), hubModbus, "points/s", "bare j2mod read loop on the same schedule", bareModbus, hubModbus / bareModbus, ">= 0.8 x bare", Report.atLeast(hubModbus / bareModbus, 0.8),
                    "(points stored in InfluxDB" + dropNote + ")"));
            report.add(new Row(String.format("OPC UA points/s (%d x %d variables, every %d ms)", devices, variables, interval), hubOpcUa, "points/s",
                    "bare Milo client", bareOpcUa, hubOpcUa / bareOpcUa, ">= 0.8 x bare", Report.atLeast(hubOpcUa / bareOpcUa, 0.8),
                    String.format("(stored; the server offers %,.0f/s%s)", offered, dropNote)));
        } finally {
            changes.shutdownNow();
            opcua.close();
            modbus.close();
        }
    }
}
