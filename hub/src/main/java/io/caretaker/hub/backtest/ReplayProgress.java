package io.caretaker.hub.backtest;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * A line on standard error every few seconds of a long replay: how far through the file it is and the history's
 * time reached, so a year of history is not minutes of silence. Standard output keeps only the results.
 */
final class ReplayProgress implements Backtest.RowListener {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final Backtest.RowListener next;
    private final String device;
    private final long totalRows;
    private final ZoneId zone;
    private final PrintStream err;
    private final LongSupplier nanoTime;
    private final long everyNanos;
    private long lastShown;
    private long rows;

    /**
     * @param totalRows the file's data rows (for the share done)
     * @param nanoTime  the wall clock the interval is measured on ({@code System::nanoTime})
     */
    ReplayProgress(Backtest.RowListener next, String device, long totalRows, ZoneId zone, PrintStream err, LongSupplier nanoTime,
                   Duration every) {
        this.next = next;
        this.device = device;
        this.totalRows = totalRows;
        this.zone = zone;
        this.err = err;
        this.nanoTime = nanoTime;
        this.everyNanos = every.toNanos();
        this.lastShown = nanoTime.getAsLong();
    }

    @Override
    public void row(Instant at, Map<String, Object> latestValues, Set<String> activeRules) {
        next.row(at, latestValues, activeRules);
        rows++;
        long now = nanoTime.getAsLong();
        if (now - lastShown >= everyNanos) {
            lastShown = now;
            err.printf(Locale.ROOT, "  %s: %,d of %,d rows (%d%%), history at %s, %d %s active%n", device, Math.min(rows, totalRows),
                    totalRows, totalRows == 0 ? 100 : Math.min(100, rows * 100 / totalRows), MINUTE.format(at.atZone(zone)),
                    activeRules.size(), activeRules.size() == 1 ? "rule" : "rules");
        }
    }
}
