package io.caretaker.bench.peers;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The machine a run was made on, for the report: numbers from different machines are not comparable. */
record Machine(String host, String cpu, int cores, double memoryGiB, String os, String javaVm, String loadAverageAtStart) {

    static Machine describe() {
        return new Machine(hostName(), cpuModel(), Runtime.getRuntime().availableProcessors(), totalMemoryGiB(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"), currentLoadAverage());
    }

    /** The 1, 5 and 15 minute load averages now, as /proc/loadavg gives them. */
    static String currentLoadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
        } catch (IOException e) {
            return System.getProperty("os.arch");
        }
    }

    private static double totalMemoryGiB() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                    .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0).findFirst().orElse(0.0);
        } catch (IOException e) {
            return 0;
        }
    }

    String summary() {
        return String.format(Locale.ROOT, "%s, %d cores, %.0f GiB, %s, %s, load average at start %s", cpu, cores, memoryGiB, os, javaVm, loadAverageAtStart);
    }
}
