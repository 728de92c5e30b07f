package io.caretaker.bench.peers;

import java.util.List;

/**
 * How big and how long a run is. {@code default} fits in five minutes here; {@code long} gives steadier numbers;
 * {@code tiny} only checks that every phase works, in about a minute, and its numbers mean nothing.
 */
record Scale(String name, double baselineSeconds, double stepSeconds, int maxSteps, double firstRate, int faults,
             List<Integer> heapPoints, int meters, int opcuaDevices, int opcuaVariables, int opcuaIntervalMillis,
             double protocolSeconds) {

    static Scale named(String name) {
        return switch (name) {
            case "tiny" -> new Scale("tiny", 2, 2, 3, 500, 10, List.of(0, 300, 3_000), 2, 2, 10, 100, 2);
            case "default" -> new Scale("default", 6, 6, 8, 2_000, 100, List.of(0, 10_000, 100_000), 10, 10, 100, 100, 8);
            case "long" -> new Scale("long", 20, 20, 12, 2_000, 400, List.of(0, 10_000, 100_000), 20, 20, 100, 100, 30);
            default -> throw new IllegalArgumentException("--scale=" + name + ": use tiny, default or long");
        };
    }

    /** Sensors of three points that give {@code points} points (rounded up). */
    static int sensorsFor(int points) {
        return (points + BenchSite.POINTS_PER_SENSOR - 1) / BenchSite.POINTS_PER_SENSOR;
    }
}
