package io.caretaker.hub.workorders;

import static org.assertj.core.api.Assertions.assertThat;

import io.caretaker.deviceprofiles.site.Site;
import io.caretaker.hub.calendar.CalendarFile;
import io.caretaker.hub.calendar.WorkingCalendar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** SLA due times on the shipped Chinese 2026 calendar: weekends, public holidays and make-up working days (调休). */
class SlaCalendarTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    // a site file with only the weekend: the holidays come from the calendar file
    private static final Site SITE = new Site("test", "Test", SHANGHAI, new Site.Calendar(null, null), List.of());

    private final CalendarFile china2026 = CalendarFile.read("china-2026.yaml", shipped("caretaker/calendars/china-2026.yaml"));
    private final WorkingCalendar calendar = WorkingCalendar.of(SITE).with(china2026);
    private final SlaClock sla = new SlaClock(TestWorkOrders.DOMAIN_TABLE, calendar);

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
        assertThat(new SlaClock(TestWorkOrders.DOMAIN_TABLE, SITE).dueTimes(Tier.IMPORTANT, friday).resolveBy()).isEqualTo(at("2026-09-22T10:00"));
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
}
