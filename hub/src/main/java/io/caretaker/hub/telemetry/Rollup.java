package io.caretaker.hub.telemetry;

import java.time.Instant;

/**
 * Samples of one point summed up over one bucket: min, max, sum, count and the latest value. Two rollups of the
 * same bucket merge exactly, which is how late batches and coarser buckets are made.
 */
record Rollup(Instant bucket, double min, double max, double sum, long count, Instant lastAt, double last) {

    static Rollup of(Instant bucket, Instant at, double value) {
        return new Rollup(bucket, value, value, value, 1, at, value);
    }

    Rollup merge(Rollup other) {
        boolean otherIsLater = other.lastAt.isAfter(lastAt) || other.lastAt.equals(lastAt);
        return new Rollup(bucket, Math.min(min, other.min), Math.max(max, other.max), sum + other.sum, count + other.count,
                otherIsLater ? other.lastAt : lastAt, otherIsLater ? other.last : last);
    }

    /** The same samples, counted in a coarser bucket. */
    Rollup in(Instant coarserBucket) {
        return new Rollup(coarserBucket, min, max, sum, count, lastAt, last);
    }

    HistoryBucket toHistory() {
        return new HistoryBucket(bucket, min, max, sum / count, last, count);
    }

    /** The start of the {@code stepMillis} bucket holding {@code at}, aligned to the Unix epoch. */
    static Instant bucketOf(Instant at, long stepMillis) {
        return Instant.ofEpochMilli(Math.floorDiv(at.toEpochMilli(), stepMillis) * stepMillis);
    }
}
