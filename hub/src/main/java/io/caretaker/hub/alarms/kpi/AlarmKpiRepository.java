package io.caretaker.hub.alarms.kpi;

import io.caretaker.deviceprofiles.Severity;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the alarm audit trail (alarm_event, V7) the KPIs are computed from. */
@Repository
class AlarmKpiRepository {

    private final JdbcClient jdbc;

    AlarmKpiRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every activation, and every event that annunciated an alarm, in [from, to), oldest first. */
    List<Event> annunciationsAndActivations(Instant from, Instant to) {
        return jdbc.sql("""
                select e.alarm_id, e.action, e.at, e.annunciated, a.device_id, a.rule_id, a.severity
                from alarm_event e join alarm a on a.id = e.alarm_id
                where e.at >= ? and e.at < ? and (e.action in ('RAISED', 'RECURRED') or e.annunciated = true)
                order by e.at, e.id""")
                .params(utc(from), utc(to)).query(AlarmKpiRepository::map).list();
    }

    /**
     * The activations and clears, before {@code to}, of every alarm that may have been active in [from, to): raised
     * before {@code to} and not cleared for the last time before {@code from}.
     */
    List<Event> activity(Instant from, Instant to) {
        return jdbc.sql("""
                select e.alarm_id, e.action, e.at, e.annunciated, a.device_id, a.rule_id, a.severity
                from alarm_event e join alarm a on a.id = e.alarm_id
                where a.raised_at < ? and (a.cleared_at is null or a.cleared_at >= ?)
                  and e.at < ? and e.action in ('RAISED', 'RECURRED', 'CLEARED')
                order by e.alarm_id, e.at, e.id""")
                .params(utc(to), utc(from), utc(to)).query(AlarmKpiRepository::map).list();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static Event map(ResultSet rs, int row) throws SQLException {
        return new Event(rs.getLong("alarm_id"), rs.getString("action"), rs.getObject("at", OffsetDateTime.class).toInstant(),
                rs.getBoolean("annunciated"), rs.getString("device_id"), rs.getString("rule_id"), Severity.valueOf(rs.getString("severity")));
    }

    /** One audit event with its alarm's device, rule and severity. */
    record Event(long alarmId, String action, Instant at, boolean annunciated, String deviceId, String ruleId, Severity severity) {

        boolean activation() {
            return action.equals("RAISED") || action.equals("RECURRED");
        }

        DeviceRule deviceRule() {
            return new DeviceRule(deviceId, ruleId);
        }
    }

    record DeviceRule(String deviceId, String ruleId) {
    }
}
