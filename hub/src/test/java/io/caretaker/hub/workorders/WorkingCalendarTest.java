package io.caretaker.hub.workorders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caretaker.deviceprofiles.site.Site;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.DefaultResourceLoader;

/** SLA due times on the shipped Chinese 2026 calendar: weekends, public holidays and make-up working days (调休). */
class WorkingCalendarTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final SlaProperties DOMAIN_TABLE = new SlaProperties(Map.of(
            Tier.LIFE_SAFETY, targets("0s", "0s", "3wd"),
            Tier.MAJOR, targets("2h", "2h", "3wd"),
            Tier.IMPORTANT, targets("2h", "1wd", "2wd"),
            Tier.MINOR, targets("2h", "2h", "1wd")), SlaTarget.parse("3wd"), 0.8, Duration.ofDays(7));
    // a site file with only the weekend: the holidays come from the calendar file
    private static final Site SITE = new Site("test", "Test", SHANGHAI, new Site.Calendar(null, null), List.of());

    private final CalendarFile china2026 = CalendarFile.read("china-2026.yaml", shipped("caretaker/calendars/china-2026.yaml"));
    private final WorkingCalendar calendar = WorkingCalendar.of(SITE).with(china2026);
    private final SlaClock sla = new SlaClock(DOMAIN_TABLE, calendar);

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
    void aMajorFaultBeforeNationalDayIsResolvedOnTheMakeUpSaturday() {
        Instant wednesday = at("2026-09-30T16:00");

        SlaClock.DueTimes due = sla.dueTimes(Tier.MAJOR, wednesday);

        assertThat(due.respondBy()).isEqualTo(at("2026-09-30T18:00")); // clock time: the control room works through holidays
        assertThat(due.resolveBy()).isEqualTo(at("2026-10-10T16:00")); // (Oct 1-7 holiday) Thu 8, Fri 9, Sat 10 worked
    }

    @Test
    void aMakeUpSundayCountsAndTheWeekendBeforeItDoesNot() {
        Instant friday = at("2026-09-18T10:00");

        assertThat(sla.dueTimes(Tier.IMPORTANT, friday).resolveBy()).isEqualTo(at("2026-09-21T10:00")); // (Sat 19) Sun 20 worked, Mon 21
        // the site file's calendar alone would have skipped that Sunday
        assertThat(new SlaClock(DOMAIN_TABLE, SITE).dueTimes(Tier.IMPORTANT, friday).resolveBy()).isEqualTo(at("2026-09-22T10:00"));
    }

    @Test
    void theSpringFestivalWeekIsSkippedAndItsMakeUpSaturdayIsNot() {
        Instant friday = at("2026-02-13T09:00");

        SlaClock.DueTimes due = sla.dueTimes(Tier.IMPORTANT, friday);

        assertThat(due.respondBy()).isEqualTo(at("2026-02-14T09:00")); // Saturday 14 is worked
        assertThat(due.resolveBy()).isEqualTo(at("2026-02-24T09:00")); // (Feb 15-23 holiday) Tuesday 24
        assertThat(sla.followUpBy(at("2026-02-24T09:00"))).isEqualTo(at("2026-02-27T09:00"));
    }

    @Test
    void anOrdinaryWeekendIsSkipped() {
        assertThat(sla.dueTimes(Tier.MINOR, at("2026-11-27T17:30")).resolveBy()).isEqualTo(at("2026-11-30T17:30"));
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

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }

    private static SlaProperties.Targets targets(String dispatch, String respond, String resolve) {
        return new SlaProperties.Targets(SlaTarget.parse(dispatch), SlaTarget.parse(respond), SlaTarget.parse(resolve));
    }
}
