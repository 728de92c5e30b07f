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
 * null after, so the database itself allows one alarm per (device, rule) at a time. State changes are
 * compare-and-set on the state read before, so two writers never both apply a change to the same alarm.
 */
@Repository
class AlarmRepository {

    private static final String SELECT = """
            select a.*, w.work_order_id,
                   s.reason as shelf_reason, s.shelved_by, s.shelved_at, s.shelved_until,
                   o.reason as oos_reason, o.removed_by, o.since as oos_since
            from alarm a
            left join work_order_alarm w on w.alarm_id = a.id
            left join alarm_shelf s on s.device_id = a.device_id and s.rule_id = a.rule_id
            left join alarm_out_of_service o on o.device_id = a.device_id and o.rule_id = a.rule_id
            """;

    private final JdbcClient jdbc;

    AlarmRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Alarm> findOpen(String deviceId, String ruleId) {
        return jdbc.sql(SELECT + " where a.active_key = ?").param(activeKey(deviceId, ruleId)).query(AlarmRepository::map).optional();
    }

    /** The newest alarm of a (device, rule), open or not. */
    Optional<Alarm> findLatest(String deviceId, String ruleId) {
        return jdbc.sql(SELECT + " where a.device_id = ? and a.rule_id = ? order by a.id desc").params(deviceId, ruleId)
                .query(AlarmRepository::map).list().stream().findFirst();
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

    long insert(String deviceId, String ruleId, Severity severity, String message, Instant at, String suppressedBy, boolean annunciated) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into alarm (device_id, rule_id, severity, state, message, raised_at, last_raised_at, occurrences, active_key,
                                   suppressed_by, annunciated)
                values (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)""")
                .params(deviceId, ruleId, severity.name(), AlarmState.ACTIVE_UNACKED.name(), message, utc(at), utc(at),
                        activeKey(deviceId, ruleId), suppressedBy, annunciated)
                .update(key, "id");
        return key.getKey().longValue();
    }

    /** Re-activates an alarm that was in {@code from}; false when another writer changed it first. */
    boolean recur(long id, AlarmState from, Instant at, boolean annunciated) {
        return jdbc.sql("""
                update alarm set state = ?, last_raised_at = ?, cleared_at = null, occurrences = occurrences + 1, annunciated = ?
                where id = ? and state = ?""")
                .params(AlarmState.ACTIVE_UNACKED.name(), utc(at), annunciated, id, from.name()).update() == 1;
    }

    /** The fault is gone: {@code from} becomes {@code to}; false when another writer changed the alarm first. */
    boolean clear(long id, AlarmState from, AlarmState to, Instant at) {
        String closes = to == AlarmState.NORMAL ? ", active_key = null" : "";
        return jdbc.sql("update alarm set state = ?, cleared_at = ?" + closes + " where id = ? and state = ?")
                .params(to.name(), utc(at), id, from.name()).update() == 1;
    }

    /** Acknowledged: {@code from} becomes {@code to}; false when another writer changed the alarm first. */
    boolean acknowledge(long id, AlarmState from, AlarmState to) {
        String closes = to == AlarmState.NORMAL ? ", active_key = null" : "";
        return jdbc.sql("update alarm set state = ?" + closes + " where id = ? and state = ?")
                .params(to.name(), id, from.name()).update() == 1;
    }

    /** Marks the current activation annunciated; false when it already was (another writer annunciated it). */
    boolean annunciate(long id) {
        return jdbc.sql("update alarm set annunciated = true where id = ? and annunciated = false").param(id).update() == 1;
    }

    boolean markChattering(long id) {
        return jdbc.sql("update alarm set chattering = true where id = ? and chattering = false").param(id).update() == 1;
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

    Optional<Alarm.Shelf> findShelf(String deviceId, String ruleId) {
        return jdbc.sql("select * from alarm_shelf where device_id = ? and rule_id = ?").params(deviceId, ruleId)
                .query((rs, row) -> new Alarm.Shelf(rs.getString("reason"), rs.getString("shelved_by"), instant(rs, "shelved_at"),
                        instant(rs, "shelved_until")))
                .optional();
    }

    void saveShelf(String deviceId, String ruleId, Alarm.Shelf shelf) {
        jdbc.sql("insert into alarm_shelf (device_id, rule_id, reason, shelved_by, shelved_at, shelved_until) values (?, ?, ?, ?, ?, ?)")
                .params(deviceId, ruleId, shelf.reason(), shelf.by(), utc(shelf.at()), utc(shelf.until())).update();
    }

    boolean deleteShelf(String deviceId, String ruleId) {
        return jdbc.sql("delete from alarm_shelf where device_id = ? and rule_id = ?").params(deviceId, ruleId).update() > 0;
    }

    /** The (device, rule) pairs whose shelf has run out by {@code now}. */
    List<DeviceRule> findShelvesExpiredBy(Instant now) {
        return jdbc.sql("select device_id, rule_id from alarm_shelf where shelved_until <= ? order by shelved_until")
                .param(utc(now)).query((rs, row) -> new DeviceRule(rs.getString("device_id"), rs.getString("rule_id"))).list();
    }

    Optional<Alarm.OutOfService> findOutOfService(String deviceId, String ruleId) {
        return jdbc.sql("select * from alarm_out_of_service where device_id = ? and rule_id = ?").params(deviceId, ruleId)
                .query((rs, row) -> new Alarm.OutOfService(rs.getString("reason"), rs.getString("removed_by"), instant(rs, "since")))
                .optional();
    }

    void saveOutOfService(String deviceId, String ruleId, Alarm.OutOfService outOfService) {
        jdbc.sql("insert into alarm_out_of_service (device_id, rule_id, reason, removed_by, since) values (?, ?, ?, ?, ?)")
                .params(deviceId, ruleId, outOfService.reason(), outOfService.by(), utc(outOfService.since())).update();
    }

    boolean deleteOutOfService(String deviceId, String ruleId) {
        return jdbc.sql("delete from alarm_out_of_service where device_id = ? and rule_id = ?").params(deviceId, ruleId).update() > 0;
    }

    void audit(long alarmId, AlarmAction action, String actor, Instant at, AlarmState state, String reason, boolean annunciated) {
        jdbc.sql("insert into alarm_event (alarm_id, action, actor, at, state, reason, annunciated) values (?, ?, ?, ?, ?, ?, ?)")
                .params(alarmId, action.name(), actor, utc(at), state.name(), reason, annunciated).update();
    }

    List<AlarmEvent> history(long alarmId) {
        return jdbc.sql("select * from alarm_event where alarm_id = ? order by at, id").param(alarmId)
                .query((rs, row) -> new AlarmEvent(rs.getLong("id"), rs.getLong("alarm_id"), AlarmAction.valueOf(rs.getString("action")),
                        rs.getString("actor"), instant(rs, "at"), AlarmState.valueOf(rs.getString("state")), rs.getString("reason"),
                        rs.getBoolean("annunciated")))
                .list();
    }

    /** Activations of a (device, rule), over all its alarms, at or after {@code since}. */
    int countActivationsSince(String deviceId, String ruleId, Instant since) {
        return jdbc.sql("""
                select count(*) from alarm_event e join alarm a on a.id = e.alarm_id
                where a.device_id = ? and a.rule_id = ? and e.action in ('RAISED', 'RECURRED') and e.at >= ?""")
                .params(deviceId, ruleId, utc(since)).query(Integer.class).single();
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
        Long workOrder = rs.wasNull() ? null : workOrderId;
        String shelfReason = rs.getString("shelf_reason");
        Alarm.Shelf shelf = shelfReason == null ? null
                : new Alarm.Shelf(shelfReason, rs.getString("shelved_by"), instant(rs, "shelved_at"), instant(rs, "shelved_until"));
        String oosReason = rs.getString("oos_reason");
        Alarm.OutOfService outOfService = oosReason == null ? null
                : new Alarm.OutOfService(oosReason, rs.getString("removed_by"), instant(rs, "oos_since"));
        return new Alarm(rs.getLong("id"), rs.getString("device_id"), rs.getString("rule_id"),
                Severity.valueOf(rs.getString("severity")), AlarmState.valueOf(rs.getString("state")), rs.getString("message"),
                instant(rs, "raised_at"), instant(rs, "last_raised_at"), instant(rs, "cleared_at"), rs.getInt("occurrences"),
                workOrder, rs.getString("suppressed_by"), shelf, outOfService, rs.getBoolean("annunciated"), rs.getBoolean("chattering"));
    }

    /** A fault rule of one device. */
    record DeviceRule(String deviceId, String ruleId) {
    }
}
