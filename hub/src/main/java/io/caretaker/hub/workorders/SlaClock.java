package io.caretaker.hub.workorders;

import io.caretaker.deviceprofiles.site.Site;
import io.caretaker.hub.calendar.WorkingCalendar;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** Computes a work order's due times from its tier and the site's working calendar. */
@Component
public class SlaClock {

    private final SlaProperties sla;
    private final WorkingCalendar calendar;

    /** On the site file's calendar alone. */
    public SlaClock(SlaProperties sla, Site site) {
        this(sla, WorkingCalendar.of(site));
    }

    @Autowired
    public SlaClock(SlaProperties sla, WorkingCalendar calendar) {
        this.sla = sla;
        this.calendar = calendar;
    }

    public DueTimes dueTimes(Tier tier, Instant openedAt) {
        SlaProperties.Targets targets = sla.of(tier);
        return new DueTimes(targets.dispatch().dueFrom(openedAt, calendar), targets.respond().dueFrom(openedAt, calendar),
                targets.resolve().dueFrom(openedAt, calendar));
    }

    /** How soon after closing a recurring fault counts as a repeat repair. */
    public Duration repeatWindow() {
        return sla.repeatWindow();
    }

    /** When the follow-up call (回访) of work completed at {@code completedAt} is due. */
    public Instant followUpBy(Instant completedAt) {
        return sla.followUp().dueFrom(completedAt, calendar);
    }

    /** When a work order must be dispatched, responded to and resolved. */
    public record DueTimes(Instant dispatchBy, Instant respondBy, Instant resolveBy) {
    }
}
