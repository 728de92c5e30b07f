package io.caretaker.hub.ingest;

import java.time.Instant;

/** The clock's beat, queued with the samples so rules see time pass in the same order as data. */
record Tick(Instant now) {
}
