package io.caretaker.bench.peers;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One run's results: a row per measurement with its peer and target, as a Markdown table and as JSON. */
final class Report {

    /** Whether a measurement met its target; NONE where the issue sets none. */
    enum Verdict { MET, MISSED, NONE }

    /**
     * One measurement: the hub's value, the peer measured in the same run (if any) and the ratio to it, the target
     * and whether it was met. Values are in {@code unit}.
     */
    record Row(String measure, double value, String unit, String peer, Double peerValue, Double ratio, String target,
               Verdict verdict, String note) {
    }

    private final Machine machine;
    private final Map<String, Object> settings;
    private final List<Row> rows = new ArrayList<>();
    private String endLoadAverage;
    private double seconds;

    Report(Machine machine, Map<String, Object> settings) {
        this.machine = machine;
        this.settings = settings;
    }

    void add(Row row) {
        rows.add(row);
    }

    List<Row> rows() {
        return List.copyOf(rows);
    }

    void finish(double seconds) {
        this.seconds = seconds;
        this.endLoadAverage = Machine.currentLoadAverage();
    }

    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Machine: %s; load average at end %s; run took %.0f s.%n%n", machine.summary(),
                endLoadAverage, seconds));
        out.append("| measure | hub | peer (same run) | ratio | target | met |\n");
        out.append("|---|---:|---|---:|---|---|\n");
        for (Row r : rows) {
            out.append("| ").append(r.measure()).append(" | ").append(number(r.value())).append(' ').append(r.unit())
                    .append(" | ").append(r.peer() == null ? "" : r.peer() + (r.peerValue() == null ? "" : " " + number(r.peerValue()) + " " + r.unit()))
                    .append(" | ").append(r.ratio() == null ? "" : String.format(Locale.ROOT, "%.2f", r.ratio()))
                    .append(" | ").append(r.target() == null ? "" : r.target())
                    .append(" | ").append(switch (r.verdict()) {
                        case MET -> "yes";
                        case MISSED -> "**no**";
                        case NONE -> "";
                    })
                    .append(r.note() == null ? "" : " " + r.note())
                    .append(" |\n");
        }
        return out.toString();
    }

    String json() throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("machine", machine);
        root.put("loadAverageAtEnd", endLoadAverage);
        root.put("seconds", Math.round(seconds));
        root.put("settings", settings);
        root.put("rows", rows);
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
    }

    void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("hub-vs-peers.md"), markdown());
        Files.writeString(dir.resolve("hub-vs-peers.json"), json());
    }

    /** Thousands separated, one decimal below 10, none above. */
    static String number(double v) {
        if (Math.abs(v) >= 10 || v == Math.rint(v)) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** The nearest-rank percentile (0 < p <= 100) of {@code values}, which need not be sorted. */
    static double percentile(List<Double> values, double p) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values to take the " + p + "th percentile of");
        }
        List<Double> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    static Verdict atLeast(double value, double target) {
        return value >= target ? Verdict.MET : Verdict.MISSED;
    }

    static Verdict atMost(double value, double target) {
        return value <= target ? Verdict.MET : Verdict.MISSED;
    }
}
