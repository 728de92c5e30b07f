package io.caretaker.hub.calendar;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * An optional calendar file of public holidays and make-up working days (调休), added to the site file's
 * {@code calendar}: a Spring resource location such as {@code classpath:caretaker/calendars/china-2026.yaml} or
 * {@code file:/etc/caretaker/holidays-2027.yaml}; several separated by commas (one per year).
 */
@ConfigurationProperties("caretaker.calendar")
public record CalendarProperties(java.util.List<String> file) {

    public CalendarProperties {
        file = file == null ? java.util.List.of() : file.stream().filter(f -> !f.isBlank()).toList();
    }
}
