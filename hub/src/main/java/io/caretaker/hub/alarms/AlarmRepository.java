package io.caretaker.hub.alarms;

import io.caretaker.deviceprofiles.Severity;
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
 * Alarms in the relational store. {@code active_key} is device and rule while the alarm is not NORMAL and
 * null after, so the database itself allows one alarm per (device, rule) at a time.
 */
@Repository
class AlarmRepository {

    private static final String SELECT = """
            select a.*, w.id as work_order_id from alarm a left join work_order w on w.alarm_id = a.id
            """;

    private final JdbcClient jdbc;

    AlarmRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Alarm> findOpen(String deviceId, String ruleId) {
        return jdbc.sql(SELECT + " where a.active_key = ?").param(activeKey(deviceId, ruleId)).query(AlarmRepository::map).optional();
    }

    List<Alarm> findAll(AlarmState state) {
        if (state == null) {
            return jdbc.sql(SELECT + " order by a.last_raised_at desc, a.id desc").query(AlarmRepository::map).list();
        }
        return jdbc.sql(SELECT + " where a.state = ? order by a.last_raised_at desc, a.id desc").param(state.name())
                .query(AlarmRepository::map).list();
    }

    List<Alarm> findActive() {
        return jdbc.sql(SELECT + " where a.state in ('ACTIVE_UNACKED', 'ACTIVE_ACKED')").query(AlarmRepository::map).list();
    }

    Optional<Alarm> findById(long id) {
        return jdbc.sql(SELECT + " where a.id = ?").param(id).query(AlarmRepository::map).optional();
    }

    long insert(String deviceId, String ruleId, Severity severity, String message, Instant at, String suppressedBy) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into alarm (device_id, rule_id, severity, state, message, raised_at, last_raised_at, occurrences, active_key,
                                   suppressed_by)
                values (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)""")
                .params(deviceId, ruleId, severity.name(), AlarmState.ACTIVE_UNACKED.name(), message, utc(at), utc(at),
                        activeKey(deviceId, ruleId), suppressedBy)
                .update(key, "id");
        return key.getKey().longValue();
    }

    void recur(long id, Instant at) {
        jdbc.sql("update alarm set state = ?, last_raised_at = ?, cleared_at = null, occurrences = occurrences + 1 where id = ?")
                .params(AlarmState.ACTIVE_UNACKED.name(), utc(at), id).update();
    }

    void setSuppressedBy(long id, String reason) {
        jdbc.sql("update alarm set suppressed_by = ? where id = ?").params(reason, id).update();
    }

    Optional<String> findSuppression(String deviceId, String ruleId) {
        return jdbc.sql("select reason from alarm_suppression where device_id = ? and rule_id = ?").params(deviceId, ruleId)
                .query(String.class).optional();
    }

    void saveSuppression(String deviceId, String ruleId, String reason, Instant since) {
        jdbc.sql("delete from alarm_suppression where device_id = ? and rule_id = ?").params(deviceId, ruleId).update();
        jdbc.sql("insert into alarm_suppression (device_id, rule_id, reason, since) values (?, ?, ?, ?)")
                .params(deviceId, ruleId, reason, utc(since)).update();
    }

    List<java.util.Map.Entry<String, String>> findSuppressions() {
        return jdbc.sql("select device_id, rule_id from alarm_suppression")
                .query((rs, n) -> java.util.Map.entry(rs.getString("device_id"), rs.getString("rule_id"))).list();
    }

    boolean deleteSuppression(String deviceId, String ruleId) {
        return jdbc.sql("delete from alarm_suppression where device_id = ? and rule_id = ?").params(deviceId, ruleId).update() > 0;
    }

    void returnToNormal(long id, AlarmState state, Instant at) {
        jdbc.sql("update alarm set state = ?, cleared_at = ?, active_key = case when ? = 'NORMAL' then null else active_key end where id = ?")
                .params(state.name(), utc(at), state.name(), id).update();
    }

    private static String activeKey(String deviceId, String ruleId) {
        return deviceId + "/" + ruleId;
    }

    private static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private static Alarm map(ResultSet rs, int row) throws SQLException {
        long workOrderId = rs.getLong("work_order_id");
        return new Alarm(rs.getLong("id"), rs.getString("device_id"), rs.getString("rule_id"),
                Severity.valueOf(rs.getString("severity")), AlarmState.valueOf(rs.getString("state")), rs.getString("message"),
                instant(rs, "raised_at"), instant(rs, "last_raised_at"), instant(rs, "cleared_at"), rs.getInt("occurrences"),
                rs.wasNull() ? null : workOrderId, rs.getString("suppressed_by"));
    }
}
