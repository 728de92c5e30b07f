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

/** Work orders in the relational store; {@code alarm_id} is unique, so an alarm opens at most one. */
@Repository
class WorkOrderRepository {

    private final JdbcClient jdbc;

    WorkOrderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(WorkOrderKind kind, String deviceId, Tier tier, String title, Instant openedAt, SlaClock.DueTimes due, Long alarmId) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into work_order (kind, device_id, tier, status, title, opened_at, dispatch_by, respond_by, resolve_by, alarm_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(kind.name(), deviceId, tier.name(), WorkOrderStatus.OPEN.name(), title, utc(openedAt),
                        utc(due.dispatchBy()), utc(due.respondBy()), utc(due.resolveBy()), alarmId)
                .update(key, "id");
        return key.getKey().longValue();
    }

    Optional<WorkOrder> findById(long id) {
        return jdbc.sql("select * from work_order where id = ?").param(id).query(WorkOrderRepository::map).optional();
    }

    Optional<WorkOrder> findByAlarm(long alarmId) {
        return jdbc.sql("select * from work_order where alarm_id = ?").param(alarmId).query(WorkOrderRepository::map).optional();
    }

    List<WorkOrder> findAll(WorkOrderStatus status) {
        if (status == null) {
            return jdbc.sql("select * from work_order order by opened_at desc, id desc").query(WorkOrderRepository::map).list();
        }
        return jdbc.sql("select * from work_order where status = ? order by opened_at desc, id desc").param(status.name())
                .query(WorkOrderRepository::map).list();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private static WorkOrder map(ResultSet rs, int row) throws SQLException {
        long alarmId = rs.getLong("alarm_id");
        Long alarm = rs.wasNull() ? null : alarmId;
        return new WorkOrder(rs.getLong("id"), WorkOrderKind.valueOf(rs.getString("kind")), rs.getString("device_id"),
                Tier.valueOf(rs.getString("tier")), WorkOrderStatus.valueOf(rs.getString("status")), rs.getString("title"),
                instant(rs, "opened_at"), instant(rs, "dispatch_by"), instant(rs, "respond_by"), instant(rs, "resolve_by"), alarm);
    }
}
