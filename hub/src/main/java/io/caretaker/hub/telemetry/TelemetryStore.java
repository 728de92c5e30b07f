package io.caretaker.hub.telemetry;

import io.caretaker.deviceprofiles.canonical.PointSample;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Where telemetry is kept: InfluxDB in production, the relational store by default. Only samples with a
 * numeric value (booleans as 1 and 0) are kept; the writer never calls {@link #write} from the alarm path.
 */
public interface TelemetryStore {

    /**
     * Writes one batch; throws when the store cannot take it now, so the writer keeps it and retries, or
     * {@link TelemetryRejectedException} when it never will, so the writer sets it aside.
     */
    void write(List<PointSample> batch) throws Exception;

    /**
     * A point's history from {@code from} (inclusive) to {@code to} (exclusive) in buckets of {@code step},
     * aligned to the Unix epoch as InfluxDB's {@code GROUP BY time(step)} aligns them; empty buckets are left out.
     */
    List<HistoryBucket> history(String deviceId, String pointId, Instant from, Instant to, Duration step);

    /** A short name for logs and metrics: {@code sql} or {@code influxdb}. */
    String name();
}
