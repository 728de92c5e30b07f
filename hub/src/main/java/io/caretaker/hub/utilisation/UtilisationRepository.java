package io.caretaker.hub.utilisation;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Utilisation per device and day in the relational store; flushes add to a day's row (standard SQL MERGE). */
@Repository
class UtilisationRepository {

    private static final String ADD = """
            merge into utilisation_day t
            using (values (cast(? as varchar(100)), cast(? as date), cast(? as double precision), cast(? as double precision),
                           cast(? as double precision), cast(? as bigint)))
                  as s (device_id, local_day, known_seconds, run_seconds, unoccupied_run_seconds, starts)
            on t.device_id = s.device_id and t.local_day = s.local_day
            when matched then update set
                known_seconds = t.known_seconds + s.known_seconds,
                run_seconds = t.run_seconds + s.run_seconds,
                unoccupied_run_seconds = t.unoccupied_run_seconds + s.unoccupied_run_seconds,
                starts = t.starts + s.starts
            when not matched then insert (device_id, local_day, known_seconds, run_seconds, unoccupied_run_seconds, starts)
                values (s.device_id, s.local_day, s.known_seconds, s.run_seconds, s.unoccupied_run_seconds, s.starts)""";

    private final JdbcClient jdbc;

    UtilisationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(String deviceId, LocalDate day, DayTotals totals) {
        jdbc.sql(ADD).params(deviceId, day, totals.knownSeconds, totals.runSeconds, totals.unoccupiedRunSeconds, totals.starts).update();
    }

    /** Every device's rows from {@code from} to {@code to}, both included. */
    List<Row> between(LocalDate from, LocalDate to) {
        return jdbc.sql("select * from utilisation_day where local_day >= ? and local_day <= ? order by device_id, local_day").params(from, to)
                .query((rs, i) -> new Row(rs.getString("device_id"), rs.getObject("local_day", LocalDate.class), rs.getDouble("known_seconds"),
                        rs.getDouble("run_seconds"), rs.getDouble("unoccupied_run_seconds"), rs.getLong("starts")))
                .list();
    }

    /** A device's run seconds and starts over all its days. */
    DayTotals lifetime(String deviceId) {
        return jdbc.sql("select coalesce(sum(known_seconds), 0), coalesce(sum(run_seconds), 0), coalesce(sum(unoccupied_run_seconds), 0), "
                        + "coalesce(sum(starts), 0) from utilisation_day where device_id = ?").param(deviceId)
                .query((rs, i) -> new DayTotals(rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getLong(4))).single();
    }

    /** The first day the hub knew anything of this device's running. */
    Optional<LocalDate> firstDay(String deviceId) {
        return jdbc.sql("select min(local_day) from utilisation_day where device_id = ? and known_seconds > 0")
                .param(deviceId).query((rs, i) -> Optional.ofNullable(rs.getObject(1, LocalDate.class))).list()
                .stream().flatMap(Optional::stream).findFirst();
    }

    /** One stored day of one device, in seconds. */
    record Row(String deviceId, LocalDate day, double knownSeconds, double runSeconds, double unoccupiedRunSeconds, long starts) {
    }
}
