package io.caretaker.hub.telemetry;

import io.caretaker.deviceprofiles.canonical.PointSample;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * Hands samples to the telemetry store on a thread of its own, so the alarm path never waits for a write.
 * {@link #offer} never blocks: a sample goes into a bounded buffer, or is dropped when the buffer is full; drops are
 * counted ({@code caretaker.telemetry.dropped}), shown in {@link #status()} ({@code /actuator/health}) and logged
 * as a warning at most once a minute while they go on. A batch the store cannot take now is kept and retried with
 * back-off, so nothing is lost while the buffer has room; a batch it refuses for good
 * ({@link TelemetryRejectedException}) is set aside and counted.
 */
public class TelemetryWriter implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(TelemetryWriter.class);
    private static final Duration DROP_LOG_INTERVAL = Duration.ofMinutes(1);

    private final TelemetryStore store;
    private final SampleBuffer buffer;
    private final int batchSize;
    private final Duration flushInterval;
    private final Duration maxRetryDelay;
    private final Counter written;
    private final Counter dropped;
    private final Counter rejected;
    private final Clock clock;
    private final int capacity;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Instant lastDropAt;
    private Instant lastDropLogAt;
    private long droppedSinceLog;

    public TelemetryWriter(TelemetryStore store, TelemetryProperties properties, MeterRegistry meters, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.capacity = properties.bufferCapacity();
        this.buffer = new SampleBuffer(capacity);
        this.batchSize = properties.batchSize();
        this.flushInterval = properties.flushInterval();
        this.maxRetryDelay = properties.maxRetryDelay();
        this.written = Counter.builder("caretaker.telemetry.written").tag("store", store.name())
                .description("samples written to the telemetry store").register(meters);
        this.dropped = Counter.builder("caretaker.telemetry.dropped").tag("store", store.name())
                .description("samples dropped because the telemetry buffer was full").register(meters);
        this.rejected = Counter.builder("caretaker.telemetry.rejected").tag("store", store.name())
                .description("samples the store refused for good (e.g. a field type conflict), set aside").register(meters);
        meters.gauge("caretaker.telemetry.buffered", buffer, SampleBuffer::size);
        this.thread = new Thread(this::run, "telemetry-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues a sample for the store; false (counted, and logged at most once a minute) when the buffer is full. */
    public boolean offer(PointSample sample) {
        return offer(List.of(sample)) == 1;
    }

    /**
     * Queues samples for the store in their order, all under one lock (a poll's samples, say); those the full buffer
     * has no room for are dropped as {@link #offer(PointSample)} drops one. Returns how many were queued.
     */
    public int offer(List<PointSample> samples) {
        int taken = buffer.offer(samples);
        if (taken < samples.size()) {
            dropped(samples.size() - taken);
        }
        return taken;
    }

    private void dropped(int samples) {
        dropped.increment(samples);
        Instant now = clock.instant();
        lastDropAt = now;
        synchronized (this) {
            droppedSinceLog += samples;
            if (lastDropLogAt == null || !now.isBefore(lastDropLogAt.plus(DROP_LOG_INTERVAL))) {
                log.warn("telemetry buffer full, samples dropped store={} dropped={} since={} total={} buffer={}; the store "
                                + "takes samples slower than they come (see caretaker.telemetry.buffer-capacity, batch-size)",
                        store.name(), droppedSinceLog, lastDropLogAt == null ? "start" : lastDropLogAt, (long) dropped.count(), capacity);
                lastDropLogAt = now;
                droppedSinceLog = 0;
            }
        }
    }

    public int buffered() {
        return buffer.size();
    }

    /** What the writer has done so far, for {@code /actuator/health}. */
    public Status status() {
        return new Status(store.name(), buffer.size(), capacity, (long) written.count(), (long) dropped.count(), (long) rejected.count(),
                lastDropAt);
    }

    /** The writer's counts since start; {@code lastDropAt} is null while nothing has been dropped. */
    public record Status(String store, int buffered, int bufferCapacity, long written, long dropped, long rejected, Instant lastDropAt) {
    }

    private void run() {
        List<PointSample> batch = new ArrayList<>(batchSize);
        Duration retryDelay = Duration.ZERO;
        while (running || !buffer.isEmpty() || !batch.isEmpty()) {
            try {
                if (batch.isEmpty()) {
                    PointSample first = buffer.poll(flushInterval.toMillis(), TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    buffer.drainTo(batch, batchSize - 1);
                }
                store.write(batch);
                written.increment(batch.size());
                if (!retryDelay.isZero()) {
                    log.info("telemetry store writing again store={} buffered={}", store.name(), buffer.size());
                }
                retryDelay = Duration.ZERO;
                batch = new ArrayList<>(batchSize);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (TelemetryRejectedException e) {
                log.warn("telemetry store refused a batch for good; setting it aside store={} batch={} cause={}",
                        store.name(), batch.size(), e.getMessage());
                rejected.increment(batch.size());
                batch = new ArrayList<>(batchSize);
            } catch (Exception e) {
                if (retryDelay.isZero()) {
                    log.warn("telemetry store refused a batch; keeping it and retrying store={} batch={} buffered={} cause={}",
                            store.name(), batch.size(), buffer.size(), e.toString());
                }
                retryDelay = retryDelay.isZero() ? Duration.ofMillis(200) : min(retryDelay.multipliedBy(2), maxRetryDelay);
                if (!running) {
                    log.warn("telemetry not written at shutdown store={} samples={}", store.name(), batch.size() + buffer.size());
                    return;
                }
                try {
                    Thread.sleep(retryDelay.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Writes what is buffered before the hub stops, giving the store a few seconds. */
    @Override
    public void destroy() throws InterruptedException {
        running = false;
        thread.join(Duration.ofSeconds(10).toMillis());
        if (thread.isAlive()) {
            thread.interrupt();
        }
    }
}
