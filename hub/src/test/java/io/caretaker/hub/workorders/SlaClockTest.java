package io.caretaker.hub.workorders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caretaker.deviceprofiles.site.Site;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SlaClockTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Site SITE = new Site("test", "Test", SHANGHAI,
            new Site.Calendar(Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), Set.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2))),
            List.of());

    private final SlaClock sla = new SlaClock(TestWorkOrders.DOMAIN_TABLE, SITE);

    @Test
    void majorRespondsInTwoClockHoursAndResolvesInThreeWorkingDaysAcrossAWeekend() {
        Instant thursday = at("2026-11-26T10:15");

        SlaClock.DueTimes due = sla.dueTimes(Tier.MAJOR, thursday);

        assertThat(due.dispatchBy()).isEqualTo(at("2026-11-26T12:15"));
        assertThat(due.respondBy()).isEqualTo(at("2026-11-26T12:15"));
        assertThat(due.resolveBy()).isEqualTo(at("2026-12-01T10:15")); // Fri, (Sat, Sun), Mon, Tue
    }

    @Test
    void importantRespondsInOneWorkingDaySkippingPublicHolidays() {
        Instant beforeNationalDay = at("2026-09-30T16:00"); // Wednesday; Oct 1 and 2 are holidays, then a weekend

        SlaClock.DueTimes due = sla.dueTimes(Tier.IMPORTANT, beforeNationalDay);

        assertThat(due.dispatchBy()).isEqualTo(at("2026-09-30T18:00"));
        assertThat(due.respondBy()).isEqualTo(at("2026-10-05T16:00"));
        assertThat(due.resolveBy()).isEqualTo(at("2026-10-06T16:00"));
    }

    @Test
    void lifeSafetyIsDispatchedAndRespondedToAtOnce() {
        Instant saturdayNight = at("2026-11-28T23:40");

        SlaClock.DueTimes due = sla.dueTimes(Tier.LIFE_SAFETY, saturdayNight);

        assertThat(due.dispatchBy()).isEqualTo(saturdayNight);
        assertThat(due.respondBy()).isEqualTo(saturdayNight);
        assertThat(due.resolveBy()).isEqualTo(at("2026-12-02T23:40")); // Mon 30, Tue 1, Wed 2
    }

    @Test
    void minorRespondsInTwoHoursEvenAtTheWeekendAndResolvesNextWorkingDay() {
        Instant friday = at("2026-11-27T17:30");

        SlaClock.DueTimes due = sla.dueTimes(Tier.MINOR, friday);

        assertThat(due.respondBy()).isEqualTo(at("2026-11-27T19:30"));
        assertThat(due.resolveBy()).isEqualTo(at("2026-11-30T17:30"));
    }

    @Test
    void theFollowUpCallIsDueThreeWorkingDaysAfterCompletion() {
        assertThat(sla.followUpBy(at("2026-09-29T15:00"))).isEqualTo(at("2026-10-06T15:00")); // Sep 30, (Oct 1-2 holidays, weekend), Oct 5, 6
    }

    @Test
    void aMissingTierIsRefusedNamingIt() {
        assertThatThrownBy(() -> new SlaProperties(Map.of(Tier.MAJOR, targets("2h", "2h", "3wd")), SlaTarget.parse("3wd"), 0.8, Duration.ofDays(7)))
                .hasMessageContaining("missing [LIFE_SAFETY, IMPORTANT, MINOR]");
    }

    @Test
    void aTargetThatIsNeitherClockTimeNorWorkingDaysIsRefused() {
        assertThatThrownBy(() -> SlaTarget.parse("two hours")).hasMessageContaining("'two hours' is not an SLA target");
    }

    private static SlaProperties.Targets targets(String dispatch, String respond, String resolve) {
        return new SlaProperties.Targets(SlaTarget.parse(dispatch), SlaTarget.parse(respond), SlaTarget.parse(resolve));
    }

    private static Instant at(String local) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(local), SHANGHAI).toInstant();
    }
}
