package io.caretaker.connectors.modbus;

/** Spaces out attempts on a lost device: retry at the next poll, then after 2, 4, 8… polls, up to a ceiling. */
final class Backoff {

    private final int maxSkips;
    private int failures;
    private int toSkip;

    /** {@code maxSkips} polls at most between two attempts; counted in polls, not wall time, so test clocks stay out of it. */
    Backoff(int maxSkips) {
        this.maxSkips = Math.max(0, maxSkips);
    }

    static Backoff upTo(long ceilingMillis, long pollIntervalMillis) {
        return new Backoff((int) Math.min(Integer.MAX_VALUE, ceilingMillis / Math.max(1, pollIntervalMillis) - 1));
    }

    /** True when this poll should not try the device; counts the skip. */
    boolean skip() {
        if (toSkip > 0) {
            toSkip--;
            return true;
        }
        return false;
    }

    void failed() {
        failures++;
        long wanted = (1L << Math.min(failures - 1, 30)) - 1;
        toSkip = (int) Math.min(maxSkips, wanted);
    }

    void succeeded() {
        failures = 0;
        toSkip = 0;
    }
}
