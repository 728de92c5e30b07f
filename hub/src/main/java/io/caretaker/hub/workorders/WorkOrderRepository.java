package io.caretaker.hub.workorders;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Work orders and their audit trail in the relational store; {@code alarm_id} is unique, so an alarm opens at most one,
 * and {@code work_order_alarm} names the one work order that answers each alarm.
 */
@Repository
class WorkOrderRepository {

    private final JdbcClient jdbc;

    WorkOrderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(WorkOrderKind kind, String deviceId, String ruleId, Tier tier, String title, String description,
                WorkOrder.Location location, WorkOrder.Contact contact, Instant openedAt, SlaClock.DueTimes due, Long alarmId) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into work_order (kind, device_id, rule_id, tier, status, title, description, building, floor, room,
                                        contact_name, contact_phone, opened_at, dispatch_by, respond_by, resolve_by, alarm_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(kind.name(), deviceId, ruleId, tier.name(), WorkOrderStatus.OPEN.name(), title, description,
                        location.building(), location.floor(), location.room(), contact.name(), contact.phone(),
                        utc(openedAt), utc(due.dispatchBy()), utc(due.respondBy()), utc(due.resolveBy()), alarmId)
                .update(key, "id");
        return key.getKey().longValue();
    }

    Optional<WorkOrder> findById(long id) {
        return jdbc.sql("select * from work_order where id = ?").param(id).query(WorkOrderRepository::map).optional();
    }

    /** The work order that answers the alarm: the one it opened, or the one it was counted on as another occurrence. */
    Optional<WorkOrder> findAnswering(long alarmId) {
        return jdbc.sql("select w.* from work_order w join work_order_alarm l on l.work_order_id = w.id where l.alarm_id = ?")
                .param(alarmId).query(WorkOrderRepository::map).optional();
    }

    void answer(long alarmId, long workOrderId) {
        jdbc.sql("insert into work_order_alarm (alarm_id, work_order_id) values (?, ?)").params(alarmId, workOrderId).update();
    }

    /** Annunciated alarms that no work order answers, oldest first: their work order failed to open or never did. */
    List<Long> findUnansweredAlarms(int limit) {
        return jdbc.sql("""
                        select a.id from alarm a
                        where a.annunciated and not exists (select 1 from work_order_alarm l where l.alarm_id = a.id)
                        order by a.id fetch first ? rows only""")
                .param(limit).query(Long.class).list();
    }

    /** The unfinished corrective work order for this device and fault, if any. */
    Optional<WorkOrder> findOpenCorrective(String deviceId, String ruleId) {
        return jdbc.sql("select * from work_order where kind = 'CORRECTIVE' and device_id = ? and rule_id = ? "
                        + "and status not in ('CLOSED', 'CANCELLED') order by id")
                .params(deviceId, ruleId).query(WorkOrderRepository::map).list().stream().findFirst();
    }

    /** The unfinished work order of this kind for this device and rule (fault, idle finding or maintenance plan), if any. */
    Optional<WorkOrder> findOpen(WorkOrderKind kind, String deviceId, String ruleId) {
        return jdbc.sql("select * from work_order where kind = ? and device_id = ? and rule_id = ? "
                        + "and status not in ('CLOSED', 'CANCELLED') order by id")
                .params(kind.name(), deviceId, ruleId).query(WorkOrderRepository::map).list().stream().findFirst();
    }

    /** The latest corrective work order for this device and fault closed at or after {@code since}, if any. */
    Optional<Long> findClosedCorrectiveSince(String deviceId, String ruleId, Instant since) {
        return jdbc.sql("""
                        select w.id from work_order w join work_order_event e on e.work_order_id = w.id and e.transition = 'close'
                        where w.kind = 'CORRECTIVE' and w.device_id = ? and w.rule_id = ? and w.status = 'CLOSED' and e.at >= ?
                        order by e.at desc""")
                .params(deviceId, ruleId, utc(since)).query(Long.class).list().stream().findFirst();
    }

    void markRepeatOf(long id, long earlier) {
        jdbc.sql("update work_order set repeat_of = ? where id = ?").params(earlier, id).update();
    }

    List<WorkOrder> findAll(WorkOrderStatus status) {
        if (status == null) {
            return jdbc.sql("select * from work_order order by opened_at desc, id desc").query(WorkOrderRepository::map).list();
        }
        return jdbc.sql("select * from work_order where status = ? order by opened_at desc, id desc").param(status.name())
                .query(WorkOrderRepository::map).list();
    }

    void addOccurrence(long id) {
        jdbc.sql("update work_order set occurrences = occurrences + 1 where id = ?").param(id).update();
    }

    void dispatch(long id, Trade trade, String assignee) {
        jdbc.sql("update work_order set status = ?, trade = ?, assignee = ? where id = ?")
                .params(WorkOrderStatus.DISPATCHED.name(), trade == null ? null : trade.name(), assignee, id).update();
    }

    void complete(long id, Instant at, Instant followUpBy) {
        jdbc.sql("update work_order set status = ?, completed_at = ?, follow_up_by = ? where id = ?")
                .params(WorkOrderStatus.COMPLETED.name(), utc(at), utc(followUpBy), id).update();
    }

    void followedUp(long id, boolean satisfied, WorkOrderStatus next) {
        jdbc.sql("update work_order set status = ?, satisfied = ?, reopened = reopened + ? where id = ?")
                .params(next.name(), satisfied, satisfied ? 0 : 1, id).update();
    }

    void moveTo(long id, WorkOrderStatus status) {
        jdbc.sql("update work_order set status = ? where id = ?").params(status.name(), id).update();
    }

    void audit(long workOrderId, String transition, WorkOrderStatus from, WorkOrderStatus to, String actor, Instant at, String details) {
        jdbc.sql("insert into work_order_event (work_order_id, transition, from_status, to_status, actor, at, details) values (?, ?, ?, ?, ?, ?, ?)")
                .params(workOrderId, transition, from == null ? null : from.name(), to.name(), actor, utc(at), details).update();
    }

    /** Every audited step up to {@code before}, oldest first. */
    List<WorkOrderEvent> eventsBefore(Instant before) {
        return jdbc.sql("select * from work_order_event where at < ? order by at, id").param(utc(before))
                .query((rs, i) -> new WorkOrderEvent(rs.getLong("id"), rs.getLong("work_order_id"), rs.getString("transition"),
                        rs.getString("from_status") == null ? null : WorkOrderStatus.valueOf(rs.getString("from_status")),
                        WorkOrderStatus.valueOf(rs.getString("to_status")), rs.getString("actor"), instant(rs, "at"),
                        rs.getString("details")))
                .list();
    }

    List<WorkOrderEvent> events(long workOrderId) {
        return jdbc.sql("select * from work_order_event where work_order_id = ? order by at, id").param(workOrderId)
                .query((rs, i) -> new WorkOrderEvent(rs.getLong("id"), rs.getLong("work_order_id"), rs.getString("transition"),
                        rs.getString("from_status") == null ? null : WorkOrderStatus.valueOf(rs.getString("from_status")),
                        WorkOrderStatus.valueOf(rs.getString("to_status")), rs.getString("actor"), instant(rs, "at"),
                        rs.getString("details")))
                .list();
    }

    private static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private static Long repeatOf(ResultSet rs) throws SQLException {
        long id = rs.getLong("repeat_of");
        return rs.wasNull() ? null : id;
    }

    private static WorkOrder map(ResultSet rs, int row) throws SQLException {
        long alarmId = rs.getLong("alarm_id");
        Long alarm = rs.wasNull() ? null : alarmId;
        boolean satisfied = rs.getBoolean("satisfied");
        Boolean followUp = rs.wasNull() ? null : satisfied;
        String trade = rs.getString("trade");
        return new WorkOrder(rs.getLong("id"), WorkOrderKind.valueOf(rs.getString("kind")), rs.getString("device_id"),
                rs.getString("rule_id"), Tier.valueOf(rs.getString("tier")), WorkOrderStatus.valueOf(rs.getString("status")),
                rs.getString("title"), rs.getString("description"),
                new WorkOrder.Location(rs.getString("building"), rs.getString("floor"), rs.getString("room")),
                new WorkOrder.Contact(rs.getString("contact_name"), rs.getString("contact_phone")),
                trade == null ? null : Trade.valueOf(trade), rs.getString("assignee"),
                instant(rs, "opened_at"), instant(rs, "dispatch_by"), instant(rs, "respond_by"), instant(rs, "resolve_by"),
                instant(rs, "completed_at"), instant(rs, "follow_up_by"), followUp, rs.getInt("occurrences"), rs.getInt("reopened"), alarm,
                repeatOf(rs));
    }
}
