package io.caretaker.hub.workorders;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

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

    /** Reads a calendar file; a mistake stops start-up with the file, the line and what to fix. */
    public static CalendarFile read(String location, String yaml) {
        CalendarFile file;
        try {
            file = YAML.readValue(yaml, CalendarFile.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("calendar file " + location + ": " + e.getOriginalMessage()
                    + lineOf(e) + "; write holidays as {name, from, to} and workingDays as {name, date}, dates as 2026-10-01");
        }
        if (file == null) {
            throw new IllegalArgumentException("calendar file " + location + " is empty; list its holidays and workingDays");
        }
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < file.holidays().size(); i++) {
            Holiday h = file.holidays().get(i);
            if (h.from() == null) {
                problems.add("holidays[" + i + "].from is missing");
            } else if (h.to() != null && h.to().isBefore(h.from())) {
                problems.add("holidays[" + i + "] (" + h.name() + ") ends " + h.to() + ", before it starts " + h.from());
            }
        }
        for (int i = 0; i < file.workingDays().size(); i++) {
            WorkingDay w = file.workingDays().get(i);
            if (w.date() == null) {
                problems.add("workingDays[" + i + "].date is missing");
            } else if (file.holidayDates().contains(w.date())) {
                problems.add("workingDays[" + i + "] " + w.date() + " is also listed as a holiday; a day is one or the other");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("calendar file " + location + ": " + String.join("; ", problems));
        }
        return file;
    }

    private static String lineOf(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
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
