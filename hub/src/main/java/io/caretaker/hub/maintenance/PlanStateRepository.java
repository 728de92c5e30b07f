package io.caretaker.hub.maintenance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Maintenance plan state in the relational store. */
@Repository
class PlanStateRepository {

    private final JdbcClient jdbc;

    PlanStateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<PlanState> find(String deviceId, String planId) {
        return jdbc.sql("select * from maintenance_plan_state where device_id = ? and plan_id = ?").params(deviceId, planId)
                .query(PlanStateRepository::map).optional();
    }

    List<PlanState> all() {
        return jdbc.sql("select * from maintenance_plan_state order by device_id, plan_id").query(PlanStateRepository::map).list();
    }

    /** Starts following a plan; false when another instance started it first. */
    boolean start(PlanState state) {
        return jdbc.sql("""
                        insert into maintenance_plan_state (device_id, plan_id, started_at, next_due_at, next_due_at_count, cycle)
                        select ?, ?, ?, ?, ?, 0 from (values (1)) as one (x)
                        where not exists (select 1 from maintenance_plan_state where device_id = ? and plan_id = ?)""")
                .params(state.deviceId(), state.planId(), utc(state.startedAt()), utc(state.nextDueAt()), state.nextDueAtCount(),
                        state.deviceId(), state.planId())
                .update() == 1;
    }

    /** Moves a plan on to its next cycle, if it is still at {@code fromCycle}; false when another check got there first. */
    boolean advance(String deviceId, String planId, int fromCycle, int toCycle, Instant nextDueAt, Double nextDueAtCount, Instant openedAt) {
        return jdbc.sql("""
                        update maintenance_plan_state set cycle = ?, next_due_at = ?, next_due_at_count = ?, last_opened_at = ?
                        where device_id = ? and plan_id = ? and cycle = ?""")
                .params(toCycle, utc(nextDueAt), nextDueAtCount, utc(openedAt), deviceId, planId, fromCycle)
                .update() == 1;
    }

    void workOrderOpened(String deviceId, String planId, long workOrderId) {
        jdbc.sql("update maintenance_plan_state set last_work_order_id = ? where device_id = ? and plan_id = ?")
                .params(workOrderId, deviceId, planId).update();
    }

    private static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private static PlanState map(ResultSet rs, int row) throws SQLException {
        double count = rs.getDouble("next_due_at_count");
        Double dueCount = rs.wasNull() ? null : count;
        long workOrder = rs.getLong("last_work_order_id");
        Long lastWorkOrder = rs.wasNull() ? null : workOrder;
        return new PlanState(rs.getString("device_id"), rs.getString("plan_id"), instant(rs, "started_at"), instant(rs, "next_due_at"),
                dueCount, rs.getInt("cycle"), instant(rs, "last_opened_at"), lastWorkOrder);
    }
}
