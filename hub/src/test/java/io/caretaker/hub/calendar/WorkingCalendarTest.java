package io.caretaker.hub.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caretaker.deviceprofiles.site.Site;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.DefaultResourceLoader;

/** The working calendar: the site's weekend, calendar files of public holidays and make-up working days (调休). */
class WorkingCalendarTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    // a site file with only the weekend: the holidays come from the calendar file
    private static final Site SITE = new Site("test", "Test", SHANGHAI, new Site.Calendar(null, null), List.of());

    private final CalendarFile china2026 = CalendarFile.read("china-2026.yaml", shipped("caretaker/calendars/china-2026.yaml"));
    private final WorkingCalendar calendar = WorkingCalendar.of(SITE).with(china2026);

    @Test
    void theShippedFileHasTheStateCouncilsHolidaysAndMakeUpDays() {
        assertThat(china2026.holidayDates()).hasSize(3 + 9 + 3 + 5 + 3 + 3 + 7)
                .contains(LocalDate.of(2026, 2, 15), LocalDate.of(2026, 2, 23), LocalDate.of(2026, 10, 7));
        assertThat(china2026.workingDayDates()).containsExactly(LocalDate.of(2026, 1, 4), LocalDate.of(2026, 2, 14),
                LocalDate.of(2026, 2, 28), LocalDate.of(2026, 5, 9), LocalDate.of(2026, 9, 20), LocalDate.of(2026, 10, 10));
        // every make-up day is a weekend day, or it would change nothing
        assertThat(china2026.workingDayDates()).allMatch(d -> d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY);
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();  // Saturday, worked for National Day
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 11))).isFalse(); // the Sunday after it
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 5))).isFalse();  // Monday in the holiday
    }

    @Test
    void aMistakeInTheFileNamesTheFileTheLineTheFieldAndTheFix() {
        assertThatThrownBy(() -> CalendarFile.read("holidays.yaml", """
                holidays:
                  - {name: National Day, from: 2026-10-07, to: 2026-10-01}
                workingDays:
                  - {name: make-up, date: 2026-10-03}
                """))
                .hasMessageContaining("holidays.yaml:2: holidays[0].to: 2026-10-01 is before from 2026-10-07 (National Day);"
                        + " a holiday runs from its first day to its last");
        assertThatThrownBy(() -> CalendarFile.read("holidays.yaml", """
                name: typo
                holidays:
                  - {name: New Year, form: 2026-01-01}
                """))
                .hasMessageContaining("holidays.yaml:3: holidays[0].form: is not a known field");
        assertThatThrownBy(() -> CalendarFile.read("holidays.yaml", """
                holidays:
                  - name: New Year
                    from: 2026-01-01
                    to: 2026-13-01
                """))
                .hasMessageContaining("holidays.yaml:4: holidays[0].to: '2026-13-01' is not a date; write it as 2026-10-01");
        assertThatThrownBy(() -> CalendarFile.read("holidays.yaml", """
                holidays:
                  - {name: New Year, from: 2026-01-01}
                workingDays:
                  - {name: clash, date: 2026-01-01}
                  - name: forgotten
                """))
                .hasMessageContaining("calendar file holidays.yaml has 2 problems")
                .hasMessageContaining("holidays.yaml:4: workingDays[0].date: 2026-01-01 is also listed as a holiday; a day is one or the other")
                .hasMessageContaining("holidays.yaml:5: workingDays[1].date: is missing");
    }

    @Test
    void theHubAddsTheConfiguredFilesToTheSiteCalendarAndRefusesOneItCannotRead() {
        WorkingCalendarConfiguration configuration = new WorkingCalendarConfiguration();
        DefaultResourceLoader resources = new DefaultResourceLoader();

        WorkingCalendar configured = configuration.workingCalendar(SITE,
                new CalendarProperties(List.of("classpath:caretaker/calendars/china-2026.yaml")), resources);
        WorkingCalendar none = configuration.workingCalendar(SITE, new CalendarProperties(List.of("")), resources);

        assertThat(configured.isWorkingDay(LocalDate.of(2026, 9, 20))).isTrue();   // make-up Sunday
        assertThat(configured.isWorkingDay(LocalDate.of(2026, 10, 1))).isFalse();  // National Day
        assertThat(none.isWorkingDay(LocalDate.of(2026, 9, 20))).isFalse();
        assertThat(none.isWorkingDay(LocalDate.of(2026, 10, 1))).isTrue();
        assertThatThrownBy(() -> configuration.workingCalendar(SITE, new CalendarProperties(List.of("file:/no/such/holidays.yaml")), resources))
                .hasMessageContaining("caretaker.calendar.file=file:/no/such/holidays.yaml");
    }

    private static String shipped(String path) {
        try {
            return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
