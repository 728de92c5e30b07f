package io.caretaker.bench.peers;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;

/** What the benchmark is doing, on standard output while it runs: phases, and a live line for long steps. */
final class Progress {

    private final long started = System.nanoTime();

    void phase(String text) {
        System.out.printf(Locale.ROOT, "%n[%5.1fs] %s%n", elapsed(), text);
    }

    void line(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[%5.1fs]   %s%n", elapsed(), String.format(Locale.ROOT, format, args));
    }

    double elapsed() {
        return (System.nanoTime() - started) / 1e9;
    }

    Duration total() {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** Prints {@code status} every {@code seconds} on a daemon thread until interrupted. */
    Thread every(int seconds, Supplier<String> status) {
        Thread thread = new Thread(() -> {
            try {
                while (true) {
                    Thread.sleep(seconds * 1000L);
                    System.out.printf(Locale.ROOT, "[%5.1fs]     ... %s%n", elapsed(), status.get());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "progress");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
