package io.caretaker.hub.workorders;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Watches every unfinished work order's SLA clocks and raises an escalation when one is nearly used up
 * ({@code caretaker.sla.near-breach-at} of its allowance, 0.8 by default) and when it has run out. A clock stops
 * when its promise is kept: dispatch when dispatched, respond when work starts, resolve when completed, follow-up
 * when the call is recorded.
 */
@Component
public class SlaWatch {

    private static final Logger log = LoggerFactory.getLogger(SlaWatch.class);
    private static final Set<WorkOrderStatus> AWAITING_RESPONSE = EnumSet.of(WorkOrderStatus.OPEN, WorkOrderStatus.DISPATCHED);
    private static final Set<WorkOrderStatus> AWAITING_RESOLUTION = EnumSet.of(WorkOrderStatus.OPEN, WorkOrderStatus.DISPATCHED,
            WorkOrderStatus.IN_PROGRESS);
    private static final Set<WorkOrderStatus> AWAITING_FOLLOW_UP = EnumSet.of(WorkOrderStatus.COMPLETED, WorkOrderStatus.CONFIRMED);

    private final WorkOrderRepository workOrders;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final double nearBreachAt;

    SlaWatch(WorkOrderRepository workOrders, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock, SlaProperties sla) {
        this.workOrders = workOrders;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.nearBreachAt = sla.nearBreachAt();
    }

    /** Checks every clock now; returns the escalations raised by this check. */
    @Scheduled(initialDelayString = "PT30S", fixedDelayString = "${caretaker.sla.check-every:PT1M}")
    @Transactional
    public List<Escalation> check() {
        Instant now = clock.instant();
        List<Escalation> raised = new ArrayList<>();
        for (WorkOrder w : workOrders.findAll(null)) {
            if (w.status().isFinished()) {
                continue;
            }
            if (w.status() == WorkOrderStatus.OPEN) {
                watch(w, Escalation.SlaClockName.DISPATCH, w.openedAt(), w.dispatchBy(), now, raised);
            }
            if (AWAITING_RESPONSE.contains(w.status())) {
                watch(w, Escalation.SlaClockName.RESPOND, w.openedAt(), w.respondBy(), now, raised);
            }
            if (AWAITING_RESOLUTION.contains(w.status())) {
                watch(w, Escalation.SlaClockName.RESOLVE, w.openedAt(), w.resolveBy(), now, raised);
            }
            if (AWAITING_FOLLOW_UP.contains(w.status()) && w.followUpBy() != null) {
                watch(w, Escalation.SlaClockName.FOLLOW_UP, w.completedAt(), w.followUpBy(), now, raised);
            }
        }
        return raised;
    }

    public List<Escalation> all(Long workOrderId) {
        String sql = "select * from escalation" + (workOrderId == null ? "" : " where work_order_id = ?") + " order by raised_at desc, id desc";
        var statement = jdbc.sql(sql);
        if (workOrderId != null) {
            statement = statement.param(workOrderId);
        }
        return statement.query(SlaWatch::map).list();
    }

    private void watch(WorkOrder w, Escalation.SlaClockName name, Instant start, Instant due, Instant now, List<Escalation> raised) {
        Duration allowance = Duration.between(start, due);
        Instant nearly = start.plusMillis((long) (allowance.toMillis() * nearBreachAt));
        if (now.isAfter(due)) {
            raise(w, name, Escalation.Level.BREACHED, due, now).ifPresent(raised::add);
        } else if (!allowance.isZero() && !now.isBefore(nearly)) {
            raise(w, name, Escalation.Level.NEAR_BREACH, due, now).ifPresent(raised::add);
        }
    }

    private java.util.Optional<Escalation> raise(WorkOrder w, Escalation.SlaClockName name, Escalation.Level level, Instant due, Instant now) {
        boolean known = jdbc.sql("select count(*) from escalation where work_order_id = ? and clock = ? and level = ?")
                .params(w.id(), name.name(), level.name()).query(Long.class).single() > 0;
        if (known) {
            return java.util.Optional.empty();
        }
        try {
            jdbc.sql("insert into escalation (work_order_id, clock, level, due, raised_at) values (?, ?, ?, ?, ?)")
                    .params(w.id(), name.name(), level.name(), due.atOffset(ZoneOffset.UTC), now.atOffset(ZoneOffset.UTC)).update();
        } catch (DuplicateKeyException e) {
            return java.util.Optional.empty(); // another instance raised it first
        }
        Escalation escalation = jdbc.sql("select * from escalation where work_order_id = ? and clock = ? and level = ?")
                .params(w.id(), name.name(), level.name()).query(SlaWatch::map).single();
        log.warn("sla escalation workOrder={} clock={} level={} due={} tier={} status={}", w.id(), name, level, due, w.tier(), w.status());
        events.publishEvent(new EscalationRaised(escalation, w));
        return java.util.Optional.of(escalation);
    }

    private static Escalation map(ResultSet rs, int row) throws SQLException {
        return new Escalation(rs.getLong("id"), rs.getLong("work_order_id"), Escalation.SlaClockName.valueOf(rs.getString("clock")),
                Escalation.Level.valueOf(rs.getString("level")), rs.getObject("due", OffsetDateTime.class).toInstant(),
                rs.getObject("raised_at", OffsetDateTime.class).toInstant());
    }

    /** Published for each new escalation, for webhooks and the console. */
    public record EscalationRaised(Escalation escalation, WorkOrder workOrder) {
    }
}
