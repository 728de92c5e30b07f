package io.caretaker.connectors.replay;

import io.caretaker.deviceprofiles.DeviceProfile;
import io.caretaker.deviceprofiles.Point;
import io.caretaker.deviceprofiles.PointKind;
import io.caretaker.deviceprofiles.canonical.PointSample;
import io.caretaker.deviceprofiles.canonical.Quality;
import io.caretaker.deviceprofiles.canonical.Value;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV of history as one device's samples on event time: each row becomes the samples of its mapped columns,
 * all observed at the row's time, handed over row by row in file order. An empty cell is no sample; a cell that is
 * not a value of its point's kind ({@code #VALUE!}, {@code n/a}) is a BAD sample, counted per column.
 */
public final class HistoryReplay {

    private final ReplayMapping mapping;
    private final DeviceProfile profile;

    /**
     * @throws IllegalArgumentException when the mapping names a point the profile lacks, or one of text kind
     */
    public HistoryReplay(ReplayMapping mapping, DeviceProfile profile) {
        this.mapping = mapping;
        this.profile = profile;
        for (Map.Entry<String, ReplayMapping.Column> column : mapping.columns().entrySet()) {
            String point = column.getValue().point();
            Point p = profile.point(point).orElseThrow(() -> new IllegalArgumentException("columns.'" + column.getKey()
                    + "'.point: names point '" + point + "', which profile " + profile.id() + " does not have; its points: "
                    + String.join(", ", profile.points().stream().map(Point::id).toList())));
            if (p.kind() == PointKind.TEXT) {
                throw new IllegalArgumentException("columns.'" + column.getKey() + "'.point: point '" + point
                        + "' is text; history replays number and boolean points");
            }
        }
    }

    /** Takes one row of history: its time and its samples (none when every mapped cell is empty). */
    @FunctionalInterface
    public interface Row {

        void accept(Instant at, List<PointSample> samples);
    }

    /** What one replay read. */
    public record Summary(long rows, long samples, Map<String, Long> badCellsByColumn, Instant first, Instant last) {
    }

    /**
     * Reads the file and hands each row's samples to {@code row}, in file order.
     *
     * @throws IllegalArgumentException naming the file, line and column of a row that cannot be read, or a mapped
     *                                  column the file does not have
     */
    public Summary replay(Path csv, Row row) {
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                     .setIgnoreSurroundingSpaces(true).get().parse(reader)) {
            Map<String, Integer> columnIndex = new LinkedHashMap<>();
            List<String> header = parser.getHeaderNames();
            for (int i = 0; i < header.size(); i++) {
                columnIndex.putIfAbsent(header.get(i).trim(), i);
            }
            int timeColumn = indexOf(csv, columnIndex, mapping.timestamp().column(), "timestamp.column");
            List<Mapped> mapped = new ArrayList<>();
            for (Map.Entry<String, ReplayMapping.Column> c : mapping.columns().entrySet()) {
                int index = indexOf(csv, columnIndex, c.getKey().trim(), "columns");
                Point point = profile.point(c.getValue().point()).orElseThrow();
                mapped.add(new Mapped(c.getKey().trim(), index, point, c.getValue()));
            }
            TimeReader time = new TimeReader(mapping.timestamp());
            Duration maxGap = mapping.maxGapDuration();
            Map<String, Long> bad = new TreeMap<>();
            long rows = 0;
            long samples = 0;
            Instant first = null;
            Instant previous = null;
            for (CSVRecord record : parser) {
                Instant at;
                try {
                    at = time.read(record.get(timeColumn));
                } catch (DateTimeParseException | ArrayIndexOutOfBoundsException e) {
                    throw new IllegalArgumentException(csv + ":" + parser.getCurrentLineNumber() + ": column '"
                            + mapping.timestamp().column() + "': cannot read the time '" + (record.size() > timeColumn ? record.get(timeColumn) : "")
                            + "'" + (mapping.timestamp().format() == null ? "; without timestamp.format it must be ISO-8601"
                            : " with the format " + mapping.timestamp().format()), e);
                }
                if (previous != null && at.isBefore(previous)) {
                    throw new IllegalArgumentException(csv + ":" + parser.getCurrentLineNumber() + ": time " + record.get(timeColumn)
                            + " is earlier than the row before; sort the history by time");
                }
                List<PointSample> out = new ArrayList<>(mapped.size());
                if (maxGap != null && previous != null && Duration.between(previous, at).compareTo(maxGap) > 0) {
                    Instant lost = previous.plus(maxGap);
                    for (Mapped m : mapped) {
                        out.add(PointSample.commLoss(mapping.device(), m.point().id(), lost));
                    }
                    row.accept(lost, List.copyOf(out));
                    out.clear();
                }
                for (Mapped m : mapped) {
                    String cell = m.index() < record.size() ? record.get(m.index()) : "";
                    if (cell.isEmpty()) {
                        continue;
                    }
                    Value value = m.read(cell);
                    if (value == null) {
                        bad.merge(m.header(), 1L, Long::sum);
                        out.add(new PointSample(mapping.device(), m.point().id(), at, at, Value.absent(), Quality.BAD));
                    } else {
                        out.add(PointSample.good(mapping.device(), m.point().id(), at, value));
                    }
                }
                samples += out.size();
                rows++;
                if (first == null) {
                    first = at;
                }
                previous = at;
                row.accept(at, out);
            }
            return new Summary(rows, samples, bad, first, previous);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read history " + csv, e);
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException(csv + ": not a readable CSV: " + e.getCause().getMessage(), e);
        }
    }

    private int indexOf(Path csv, Map<String, Integer> columnIndex, String column, String field) {
        Integer index = columnIndex.get(column);
        if (index == null) {
            throw new IllegalArgumentException("mapping " + field + ": '" + column + "' is not a column of " + csv
                    + "; its columns are: " + String.join(", ", columnIndex.keySet()));
        }
        return index;
    }

    private record Mapped(String header, int index, Point point, ReplayMapping.Column column) {

        /** The cell as a value of the point's kind, or null when it is not one. */
        Value read(String cell) {
            if (point.kind() == PointKind.BOOLEAN) {
                return switch (cell.toLowerCase(java.util.Locale.ROOT)) {
                    case "1", "1.0", "true", "on", "yes" -> Value.of(true);
                    case "0", "0.0", "false", "off", "no" -> Value.of(false);
                    default -> null;
                };
            }
            try {
                double raw = Double.parseDouble(cell);
                return Double.isFinite(raw) ? Value.of(raw * column.scale() + column.offset()) : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    private static final class TimeReader {

        private final DateTimeFormatter format;
        private final ZoneId zone;

        TimeReader(ReplayMapping.Timestamp timestamp) {
            this.format = timestamp.format() == null ? null : DateTimeFormatter.ofPattern(timestamp.format());
            this.zone = timestamp.zone();
        }

        Instant read(String text) {
            if (format == null) {
                try {
                    return OffsetDateTime.parse(text).toInstant();
                } catch (DateTimeParseException e) {
                    return LocalDateTime.parse(text).atZone(zone).toInstant();
                }
            }
            return LocalDateTime.parse(text, format).atZone(zone).toInstant();
        }
    }
}
