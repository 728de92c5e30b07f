package io.caretaker.connectors.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.caretaker.deviceprofiles.Durations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How a CSV of history becomes one device's samples: which column holds the time and how to read it, which column
 * is which point of the device's profile (with a unit conversion), and the rule parameters to use for this device.
 *
 * @param device     the device id the samples are for
 * @param profile    the profile whose rules the history is replayed through
 * @param timestamp  the time column
 * @param columns    CSV column header (surrounding spaces ignored) → point
 * @param parameters expression-rule parameters set otherwise for this device
 * @param maxGap     rows further apart than this mean the logger lost the device: its points are COMM_LOSS between
 */
public record ReplayMapping(String device, String profile, Timestamp timestamp, Map<String, Column> columns,
                            Map<String, Double> parameters, String maxGap) {

    public ReplayMapping {
        columns = columns == null ? Map.of() : new LinkedHashMap<>(columns);
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    /** The gap between rows that counts as lost data; null when any gap is fine. */
    public Duration maxGapDuration() {
        return maxGap == null ? null : Durations.parse(maxGap);
    }

    /**
     * The time column: ISO-8601 ({@code 2017-03-11T00:00:00Z}) without {@code format}, otherwise a
     * {@link java.time.format.DateTimeFormatter} pattern such as {@code M/d/yyyy H:mm} read in {@code timeZone}.
     */
    public record Timestamp(String column, String format, String timeZone) {

        public ZoneId zone() {
            return timeZone == null ? ZoneId.of("UTC") : ZoneId.of(timeZone);
        }
    }

    /** One column: the point it feeds, and value = raw × scale + offset (°F → °C: scale 0.5555556, offset −17.7777778). */
    public record Column(String point, Double scale, Double offset) {

        public Column {
            if (scale == null) {
                scale = 1.0;
            }
            if (offset == null) {
                offset = 0.0;
            }
        }
    }

    /**
     * Reads a mapping file; a file that cannot be read is refused with its name, line and field.
     *
     * @throws IllegalArgumentException naming the file, the line and the field at fault
     */
    public static ReplayMapping read(Path file) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        ReplayMapping mapping;
        String text = "";
        try {
            text = Files.readString(file);
            mapping = yaml.readValue(text, ReplayMapping.class);
        } catch (JsonMappingException e) {
            String field = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            // records are bound once the whole object is read, so the parser's location is its end: find the field
            String last = e.getPath().isEmpty() ? null : e.getPath().get(e.getPath().size() - 1).getFieldName();
            int line = lineOf(text, last, e.getLocation() == null ? 1 : e.getLocation().getLineNr());
            throw new IllegalArgumentException(file + ":" + line + ": " + field + ": " + problem(e), e);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
            throw new IllegalArgumentException(file + ":" + line + ": not valid YAML: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the mapping file " + file + ": " + e.getMessage(), e);
        }
        require(file, mapping.device() != null, "device", "is missing; name the device id the history is for");
        require(file, mapping.profile() != null, "profile", "is missing; name the device's profile id");
        require(file, mapping.timestamp() != null && mapping.timestamp().column() != null, "timestamp.column",
                "is missing; name the column that holds each row's time");
        require(file, !mapping.columns().isEmpty(), "columns", "is empty; map at least one column to a point");
        try {
            mapping.timestamp().zone();
            mapping.maxGapDuration();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + ": timestamp.timeZone or maxGap: " + e.getMessage()
                    + "; write a zone such as Asia/Shanghai or -08:00 and a duration such as 10m", e);
        }
        return mapping;
    }

    /** What is wrong with a field, in the mapping's words rather than Jackson's (which names the Java classes). */
    private static String problem(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "is not a field here; the fields are " + unknown.getKnownPropertyIds().stream()
                    .map(String::valueOf).sorted().collect(Collectors.joining(", "));
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            String value = mismatch instanceof InvalidFormatException format ? " '" + format.getValue() + "'" : "";
            return "cannot read" + value + " as " + expected(mismatch.getTargetType());
        }
        return e.getOriginalMessage();
    }

    private static String expected(Class<?> type) {
        if (type == Column.class) {
            return "a column's point and conversion, e.g. {point: supply_air_temperature, scale: 0.5555555556, offset: -17.7777777778}";
        }
        if (type == Timestamp.class) {
            return "the time column, e.g. {column: Datetime, format: M/d/yyyy H:mm, timeZone: \"-08:00\"}";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "a map of names to values";
        }
        if (type == String.class) {
            return "a text";
        }
        return "a " + type.getSimpleName();
    }

    private static int lineOf(String text, String field, int otherwise) {
        if (field == null) {
            return otherwise;
        }
        String[] lines = text.split("\n", -1);
        Pattern key = Pattern.compile("^\\s*(- )?[\"']?" + Pattern.quote(field) + "[\"']?\\s*:");
        for (int i = 0; i < lines.length; i++) {
            if (key.matcher(lines[i]).find()) {
                return i + 1;
            }
        }
        return otherwise;
    }

    private static void require(Path file, boolean ok, String field, String problem) {
        if (!ok) {
            throw new IllegalArgumentException(file + ": " + field + ": " + problem);
        }
    }
}
