package io.caretaker.hub.calendar;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.caretaker.deviceprofiles.ConfigurationProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A year's public holidays and make-up working days (调休) kept apart from the site file, so that one list serves
 * every site of a region: {@code caretaker.calendar.file}, e.g. the shipped {@code classpath:caretaker/calendars/china-2026.yaml}.
 */
public record CalendarFile(String name, List<Holiday> holidays, List<WorkingDay> workingDays) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()).registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    public CalendarFile {
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
        workingDays = workingDays == null ? List.of() : List.copyOf(workingDays);
    }

    /** Reads a calendar file; a mistake stops start-up naming the file, the line, the field and what to fix. */
    public static CalendarFile read(String location, String yaml) {
        CalendarFile file;
        try {
            file = YAML.readValue(yaml, CalendarFile.class);
        } catch (JsonMappingException e) {
            throw new IllegalArgumentException(problems(location, List.of(problemOf(location, e))));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(problems(location, List.of(new ConfigurationProblem(location, lineOf(e), "",
                    "not valid YAML: " + e.getOriginalMessage()))));
        }
        if (file == null) {
            throw new IllegalArgumentException("calendar file " + location + " is empty; list its holidays and workingDays");
        }
        Map<String, Integer> lines = lines(yaml);
        List<ConfigurationProblem> problems = new ArrayList<>();
        for (int i = 0; i < file.holidays().size(); i++) {
            Holiday h = file.holidays().get(i);
            String at = "/holidays/" + i;
            if (h.from() == null) {
                problems.add(problem(location, lines, at, "from", "is missing; write the holiday's first day, e.g. from: 2026-10-01"));
            } else if (h.to() != null && h.to().isBefore(h.from())) {
                problems.add(problem(location, lines, at, "to", h.to() + " is before from " + h.from() + " (" + h.name()
                        + "); a holiday runs from its first day to its last"));
            }
        }
        for (int i = 0; i < file.workingDays().size(); i++) {
            WorkingDay w = file.workingDays().get(i);
            String at = "/workingDays/" + i;
            if (w.date() == null) {
                problems.add(problem(location, lines, at, "date", "is missing; write the make-up working day, e.g. date: 2026-10-10"));
            } else if (file.holidayDates().contains(w.date())) {
                problems.add(problem(location, lines, at, "date", w.date() + " is also listed as a holiday; a day is one or the other"));
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems(location, problems));
        }
        return file;
    }

    private static String problems(String location, List<ConfigurationProblem> problems) {
        return "calendar file " + location + " has " + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                + "; fix it and start again:\n" + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
    }

    /** A problem with a field of the list item at {@code item} (/holidays/0), placed on the field's line or else the item's. */
    private static ConfigurationProblem problem(String location, Map<String, Integer> lines, String item, String field, String message) {
        int line = lines.getOrDefault(item + "/" + field, lines.getOrDefault(item, 1));
        return new ConfigurationProblem(location, line, fieldOf(item + "/" + field), message);
    }

    /** A field Jackson could not bind: an unknown name, or a value that is not a date. */
    private static ConfigurationProblem problemOf(String location, JsonMappingException e) {
        String field = e.getPath().stream().map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining()).replaceFirst("^\\.", "");
        String message;
        if (e instanceof UnrecognizedPropertyException) {
            message = "is not a known field; a calendar file has name, holidays ({name, from, to}) and workingDays ({name, date})";
        } else if (e instanceof InvalidFormatException f && f.getTargetType() == LocalDate.class) {
            message = "'" + f.getValue() + "' is not a date; write it as 2026-10-01";
        } else {
            message = e.getOriginalMessage() + "; write holidays as {name, from, to} and workingDays as {name, date}, dates as 2026-10-01";
        }
        return new ConfigurationProblem(location, lineOf(e), field, message);
    }

    private static int lineOf(JsonProcessingException e) {
        return e.getLocation() == null ? 1 : e.getLocation().getLineNr();
    }

    /** The line of every field and list item, by JSON Pointer (/holidays/0/to). */
    private static Map<String, Integer> lines(String yaml) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = YAML.getFactory().createParser(yaml)) {
            while (parser.nextToken() != null) {
                lines.putIfAbsent(parser.getParsingContext().pathAsPointer().toString(), parser.currentTokenLocation().getLineNr());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the file was read once already
        }
        return lines;
    }

    /** /holidays/0/to as holidays[0].to, as the site files' problems name fields. */
    private static String fieldOf(String pointer) {
        return pointer.substring(1).replaceAll("/([0-9]+)", "[$1]").replace('/', '.');
    }

    /** Every day of every holiday. */
    public Set<LocalDate> holidayDates() {
        Set<LocalDate> days = new TreeSet<>();
        for (Holiday h : holidays) {
            if (h.from() == null) {
                continue;
            }
            LocalDate last = h.to() == null ? h.from() : h.to();
            for (LocalDate d = h.from(); !d.isAfter(last); d = d.plusDays(1)) {
                days.add(d);
            }
        }
        return days;
    }

    public Set<LocalDate> workingDayDates() {
        Set<LocalDate> days = new TreeSet<>();
        workingDays.stream().map(WorkingDay::date).filter(java.util.Objects::nonNull).forEach(days::add);
        return days;
    }

    /** A public holiday from one day to another, both included ({@code to} left out: one day). */
    public record Holiday(String name, LocalDate from, LocalDate to) {
    }

    /** A weekend day that is worked to make up for a holiday (调休). */
    public record WorkingDay(String name, LocalDate date) {
    }
}
