package io.caretaker.hub.telemetry;

import java.time.Instant;

/** One step of a point's history: min, max, mean and last value and how many samples fell in it. */
public record HistoryBucket(Instant start, double min, double max, double mean, double last, long count) {
}
