package io.caretaker.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.caretaker.deviceprofiles.ConfigurationLoader;
import io.caretaker.deviceprofiles.FaultRule;
import io.caretaker.deviceprofiles.ProfileCatalog;
import io.caretaker.deviceprofiles.canonical.PointSample;
import io.caretaker.deviceprofiles.canonical.Value;
import io.caretaker.deviceprofiles.site.InstalledDevice;
import io.caretaker.deviceprofiles.site.Site;
import io.caretaker.hub.devices.DeviceBoard;
import io.caretaker.hub.rules.AlarmSink;
import io.caretaker.hub.rules.RuleEngine;
import io.caretaker.hub.telemetry.HistoryBucket;
import io.caretaker.hub.telemetry.TelemetryProperties;
import io.caretaker.hub.telemetry.TelemetryStore;
import io.caretaker.hub.telemetry.TelemetryWriter;
import io.caretaker.hub.utilisation.TestRunTrackers;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The alarm path does not wait for telemetry storage: ingest judges a fault while the store hangs and its buffer is full. */
@Timeout(60) // a blocked ingest would hang rather than fail
class IngestTest {

    private static final Instant T0 = Instant.parse("2026-11-28T08:00:00Z");
    private static final String SENSOR = """
            formatVersion: 1
            id: test-room-sensor
            name: Test room sensor
            family: hvac
            points:
              - {id: temperature, kind: number, bindings: {mqtt: {path: /t}}}
            mqtt:
              topics: ["room/{id}"]
            rules:
              - {id: too-hot, type: threshold, point: temperature, above: 80, severity: IMPORTANT}
            """;

    /** A store that takes no batch until released, as an InfluxDB that stopped answering would. */
    private final CountDownLatch storeAnswers = new CountDownLatch(1);
    private final List<String> raised = new ArrayList<>();
    /** Run by the sink on each raise, before it records it. */
    private Runnable onRaise = () -> { };
    private final CountDownLatch storeCalled = new CountDownLatch(1);
    private TelemetryWriter writer;

    @AfterEach
    void stop() throws InterruptedException {
        storeAnswers.countDown();
        writer.destroy();
    }

    @Test
    void aFaultIsJudgedWhileTheTelemetryStoreHangsAndItsBufferIsFull() {
        ProfileCatalog profiles = ProfileCatalog.of(List.of(new ConfigurationLoader().readProfile("test-room-sensor.yaml", SENSOR)));
        Site site = new Site("test", "Test", ZoneOffset.UTC, null,
                List.of(new InstalledDevice("room-1", "test-room-sensor", null, "Tower A", null, null, null)));
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        writer = new TelemetryWriter(new HangingStore(), properties(), meters, clock);
        Ingest ingest = new Ingest(new DeviceBoard(site, profiles, clock), new RuleEngine(site, profiles, new RecordingSink(), clock),
                writer, TestRunTrackers.tracker(site, profiles, new DriverManagerDataSource("jdbc:h2:mem:ingest-test"), Duration.ofMinutes(15)));

        for (int i = 0; i < 1_500; i++) {
            ingest.accept(temperature(i, 21.0));
        }
        assertThat(meters.counter("caretaker.telemetry.dropped", "store", "hanging").count()).isPositive();

        ingest.accept(temperature(1_500, 95.0));

        assertThat(raised).containsExactly("room-1 too-hot");
    }

    @Test
    void aPollsSamplesAreEachJudgedBeforeTheyAreBufferedInTheirOrderEvenWhenALaterOneFails() throws InterruptedException {
        ProfileCatalog profiles = ProfileCatalog.of(List.of(new ConfigurationLoader().readProfile("test-room-sensor.yaml", SENSOR)));
        Site site = new Site("test", "Test", ZoneOffset.UTC, null,
                List.of(new InstalledDevice("room-1", "test-room-sensor", null, "Tower A", null, null, null)));
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        writer = new TelemetryWriter(new HangingStore(), properties(), new SimpleMeterRegistry(), clock);
        Ingest ingest = new Ingest(new DeviceBoard(site, profiles, clock), new RuleEngine(site, profiles, new RecordingSink(), clock),
                writer, TestRunTrackers.tracker(site, profiles, new DriverManagerDataSource("jdbc:h2:mem:ingest-order-test"), Duration.ofMinutes(15)));
        ingest.accept(temperature(0, 20.0));
        storeCalled.await(); // the writer holds that one in a batch the store does not answer: the buffer is empty
        List<Integer> bufferedAtRaise = new ArrayList<>();
        onRaise = () -> bufferedAtRaise.add(writer.buffered());

        ingest.accept(List.of(temperature(1, 21.0), temperature(2, 95.0), temperature(3, 22.0)));

        assertThat(raised).containsExactly("room-1 too-hot");
        assertThat(bufferedAtRaise).singleElement().satisfies(n -> assertThat(n).isLessThan(2)); // the 95 not yet in it
        assertThat(writer.buffered()).isEqualTo(3);

        onRaise = () -> {
            throw new IllegalStateException("alarm store down");
        };
        List<PointSample> failing = List.of(temperature(4, 23.0), temperature(5, 24.0), temperature(6, 96.0), temperature(7, 25.0));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ingest.accept(failing)).hasMessage("alarm store down");
        // what was judged before the failure is kept, as when each sample came alone; the rest is not
        assertThat(writer.buffered()).isEqualTo(5);
    }

    private static PointSample temperature(int second, double value) {
        return PointSample.good("room-1", "temperature", T0.plusSeconds(second), Value.of(value));
    }

    private static TelemetryProperties properties() {
        return new TelemetryProperties(TelemetryProperties.Store.INFLUXDB, 1000, 100, Duration.ofMillis(50), Duration.ofMillis(200),
                new TelemetryProperties.Retention(Duration.ofDays(7), Duration.ofDays(90), Duration.ofDays(730)),
                new TelemetryProperties.Influx("http://127.0.0.1:8086", "caretaker", null, null, "autogen"));
    }

    private final class HangingStore implements TelemetryStore {

        @Override
        public void write(List<PointSample> batch) throws InterruptedException {
            storeCalled.countDown();
            storeAnswers.await();
        }

        @Override
        public List<HistoryBucket> history(String deviceId, String pointId, Instant from, Instant to, Duration step) {
            return List.of();
        }

        @Override
        public String name() {
            return "hanging";
        }
    }

    private final class RecordingSink implements AlarmSink {

        @Override
        public void raise(String deviceId, FaultRule rule, Instant at) {
            onRaise.run();
            raised.add(deviceId + " " + rule.id());
        }

        @Override
        public void clear(String deviceId, String ruleId, Instant at) {
        }

        @Override
        public void suppress(String deviceId, String ruleId, String reason, Instant at) {
        }

        @Override
        public void unsuppress(String deviceId, String ruleId, Instant at) {
        }

        @Override
        public List<ActiveRule> active() {
            return List.of();
        }
    }
}
