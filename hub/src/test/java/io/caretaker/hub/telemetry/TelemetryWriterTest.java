package io.caretaker.hub.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.caretaker.deviceprofiles.canonical.PointSample;
import io.caretaker.deviceprofiles.canonical.Value;
import io.caretaker.hub.MovableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class TelemetryWriterTest {

    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    /** A store that can be switched off, as a database outage would. */
    private static final class SwitchableStore implements TelemetryStore {
        final List<PointSample> kept = new CopyOnWriteArrayList<>();
        final AtomicBoolean up = new AtomicBoolean(true);
        final AtomicBoolean refusedOnce = new AtomicBoolean();
        final AtomicBoolean rejectsForGood = new AtomicBoolean();

        @Override
        public void write(List<PointSample> batch) throws TelemetryRejectedException {
            if (rejectsForGood.getAndSet(false)) {
                throw new TelemetryRejectedException("field type conflict", null);
            }
            if (!up.get()) {
                refusedOnce.set(true);
                throw new IllegalStateException("store down");
            }
            kept.addAll(batch);
        }

        @Override
        public List<HistoryBucket> history(String deviceId, String pointId, Instant from, Instant to, Duration step) {
            return List.of();
        }

        @Override
        public String name() {
            return "switchable";
        }
    }

    private final SwitchableStore store = new SwitchableStore();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final MovableClock clock = new MovableClock(T0);
    private TelemetryWriter writer;

    @AfterEach
    void stop() throws InterruptedException {
        writer.destroy();
    }

    @Test
    void anOutageLosesNothingWhileTheBufferHasRoom() {
        writer = new TelemetryWriter(store, properties(1000, 100), meters, clock);
        store.up.set(false);

        for (int i = 0; i < 1000; i++) {
            assertThat(writer.offer(sample(i))).isTrue();
        }
        await().atMost(Duration.ofSeconds(5)).untilTrue(store.refusedOnce);
        store.up.set(true);

        await().atMost(Duration.ofSeconds(10)).until(() -> store.kept.size() == 1000);
        assertThat(store.kept).extracting(s -> s.value().asDouble().getAsDouble()).doesNotHaveDuplicates();
        assertThat(meters.counter("caretaker.telemetry.dropped", "store", "switchable").count()).isZero();
        assertThat(meters.counter("caretaker.telemetry.written", "store", "switchable").count()).isEqualTo(1000);
    }

    @Test
    void aFullBufferDropsAndCountsInsteadOfBlocking() {
        writer = new TelemetryWriter(store, properties(1000, 100), meters, clock);
        store.up.set(false);

        int accepted = 0;
        for (int i = 0; i < 1500; i++) {
            accepted += writer.offer(sample(i)) ? 1 : 0;
        }

        // the buffer holds 1000; the writer may hold one more batch of up to 100 it took before the store refused
        assertThat(accepted).isBetween(1000, 1100);
        assertThat(meters.counter("caretaker.telemetry.dropped", "store", "switchable").count()).isEqualTo(1500 - accepted);
        store.up.set(true);
        int expected = accepted;
        await().atMost(Duration.ofSeconds(10)).until(() -> store.kept.size() == expected);
    }

    @Test
    void aPollsSamplesGoInTogetherInOrderAndWhatFindsNoRoomIsDroppedAndCounted() {
        writer = new TelemetryWriter(store, properties(1000, 100), meters, clock);
        store.up.set(false);
        writer.offer(sample(0));
        // the writer holds the batch the store refused and retries it, taking no more: the buffer's room stays
        await().atMost(Duration.ofSeconds(5)).untilTrue(store.refusedOnce);
        for (int i = 1; i < 995; i++) {
            assertThat(writer.offer(sample(i))).isTrue();
        }

        int taken = writer.offer(java.util.stream.IntStream.range(995, 1004).mapToObj(TelemetryWriterTest::sample).toList());

        assertThat(taken).isEqualTo(6);
        assertThat(writer.offer(List.of(sample(2000), sample(2001)))).isZero();
        assertThat(meters.counter("caretaker.telemetry.dropped", "store", "switchable").count()).isEqualTo(3 + 2);
        assertThat(writer.status().lastDropAt()).isEqualTo(T0);
        store.up.set(true);
        await().atMost(Duration.ofSeconds(10)).until(() -> store.kept.size() == 1001);
        assertThat(store.kept).extracting(s -> (int) s.value().asDouble().getAsDouble())
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 1001).boxed().toList());
    }

    @Test
    void dropsShowInTheStatusAndAreLoggedOnceAMinuteWithTheirCount(CapturedOutput output) {
        writer = new TelemetryWriter(store, properties(1000, 100), meters, clock);
        store.up.set(false);
        assertThat(writer.status().lastDropAt()).isNull();
        for (int i = 0; i < 1000; i++) {
            assertThat(writer.offer(sample(i))).isTrue();
        }
        // the writer holds the batch the store refused and retries it, taking no more: what the buffer holds stays
        await().atMost(Duration.ofSeconds(5)).untilTrue(store.refusedOnce);
        int next = 1000;
        while (writer.offer(sample(next))) {
            next++; // the room that batch left
        }
        int droppedFirst = 1;

        clock.advance(Duration.ofSeconds(59));
        for (int i = 0; i < 10; i++) {
            assertThat(writer.offer(sample(2000 + i))).isFalse();
        }
        clock.advance(Duration.ofSeconds(1));
        assertThat(writer.offer(sample(3000))).isFalse();

        TelemetryWriter.Status status = writer.status();
        assertThat(status.dropped()).isEqualTo(droppedFirst + 11);
        assertThat(status.lastDropAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(status.bufferCapacity()).isEqualTo(1000);
        List<String> warnings = output.getAll().lines().filter(l -> l.contains("telemetry buffer full")).toList();
        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(0)).contains("dropped=1 since=start total=1 ");
        // the minute's drops after the first warning, counted in the second
        assertThat(warnings.get(1)).contains("dropped=" + (droppedFirst - 1 + 11) + " since=" + T0 + " total=" + (droppedFirst + 11) + " ");
    }

    @Test
    void aBatchRefusedForGoodIsSetAsideAndTheNextOnesAreWritten() {
        writer = new TelemetryWriter(store, properties(1000, 10), meters, clock);
        store.rejectsForGood.set(true);

        writer.offer(sample(0));
        await().atMost(Duration.ofSeconds(5)).until(() -> meters.counter("caretaker.telemetry.rejected", "store", "switchable").count() == 1);
        writer.offer(sample(1));

        await().atMost(Duration.ofSeconds(5)).until(() -> store.kept.size() == 1);
        assertThat(store.kept.get(0).value().asDouble().getAsDouble()).isEqualTo(1);
    }


    private static TelemetryProperties properties(int capacity, int batch) {
        return new TelemetryProperties(TelemetryProperties.Store.SQL, capacity, batch, Duration.ofMillis(50), Duration.ofMillis(200),
                new TelemetryProperties.Retention(Duration.ofDays(7), Duration.ofDays(90), Duration.ofDays(730)),
                new TelemetryProperties.Influx("http://127.0.0.1:8086", "caretaker", null, null, "autogen"));
    }

    private static PointSample sample(int i) {
        return PointSample.good("meter-1", "voltage_l1", T0.plusSeconds(i), Value.of(i));
    }
}
