package io.caretaker.hub.telemetry;

import io.caretaker.deviceprofiles.canonical.PointSample;
import io.caretaker.deviceprofiles.canonical.Quality;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Telemetry in the relational store, as ThingsBoard keeps it in PostgreSQL: raw samples, plus minute and hour
 * rollups merged on every write (standard SQL MERGE, which H2 and PostgreSQL 15+ both run). History with a step
 * of whole hours reads the hour rollups, whole minutes the minute rollups, anything finer the raw samples.
 */
public class SqlTelemetryStore implements TelemetryStore {

    static final long MINUTE = Duration.ofMinutes(1).toMillis();
    static final long HOUR = Duration.ofHours(1).toMillis();

    private static final String MERGE = """
            merge into %s t
            using (values (cast(? as varchar(100)), cast(? as varchar(100)), cast(? as timestamp with time zone),
                           cast(? as double precision), cast(? as double precision), cast(? as double precision),
                           cast(? as bigint), cast(? as timestamp with time zone), cast(? as double precision)))
                  as s (device_id, point_id, bucket, min_value, max_value, sum_value, count_value, last_at, last_value)
            on t.device_id = s.device_id and t.point_id = s.point_id and t.bucket = s.bucket
            when matched then update set
                min_value = least(t.min_value, s.min_value),
                max_value = greatest(t.max_value, s.max_value),
                sum_value = t.sum_value + s.sum_value,
                count_value = t.count_value + s.count_value,
                last_value = case when s.last_at >= t.last_at then s.last_value else t.last_value end,
                last_at = greatest(t.last_at, s.last_at)
            when not matched then insert (device_id, point_id, bucket, min_value, max_value, sum_value, count_value, last_at, last_value)
                values (s.device_id, s.point_id, s.bucket, s.min_value, s.max_value, s.sum_value, s.count_value, s.last_at, s.last_value)
            """;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public SqlTelemetryStore(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public String name() {
        return "sql";
    }

    @Override
    public void write(List<PointSample> batch) {
        List<Object[]> raw = new ArrayList<>(batch.size());
        Map<Key, Rollup> minutes = new LinkedHashMap<>();
        for (PointSample sample : batch) {
            if (sample.quality() != Quality.GOOD || sample.value().asDouble().isEmpty()) {
                continue;
            }
            double value = sample.value().asDouble().getAsDouble();
            raw.add(new Object[] {sample.deviceId(), sample.pointId(), utc(sample.observedAt()), value});
            Instant minute = Rollup.bucketOf(sample.observedAt(), MINUTE);
            minutes.merge(new Key(sample.deviceId(), sample.pointId(), minute), Rollup.of(minute, sample.observedAt(), value), Rollup::merge);
        }
        if (raw.isEmpty()) {
            return;
        }
        Map<Key, Rollup> hours = new LinkedHashMap<>();
        minutes.forEach((key, rollup) -> {
            Instant hour = Rollup.bucketOf(rollup.bucket(), HOUR);
            hours.merge(new Key(key.device(), key.point(), hour), rollup.in(hour), Rollup::merge);
        });
        transactions.executeWithoutResult(status -> {
            jdbc.batchUpdate("insert into telemetry_raw (device_id, point_id, observed_at, reading) values (?, ?, ?, ?)", raw);
            jdbc.batchUpdate(MERGE.formatted("telemetry_minute"), rows(minutes));
            jdbc.batchUpdate(MERGE.formatted("telemetry_hour"), rows(hours));
        });
    }

    @Override
    public List<HistoryBucket> history(String deviceId, String pointId, Instant from, Instant to, Duration step) {
        long stepMillis = step.toMillis();
        List<Rollup> rows;
        if (stepMillis % HOUR == 0) {
            rows = rollups("telemetry_hour", deviceId, pointId, from, to);
        } else if (stepMillis % MINUTE == 0) {
            rows = rollups("telemetry_minute", deviceId, pointId, from, to);
        } else {
            rows = jdbc.query("select observed_at, reading from telemetry_raw where device_id = ? and point_id = ? "
                            + "and observed_at >= ? and observed_at < ?",
                    (rs, i) -> {
                        Instant at = instant(rs, "observed_at");
                        return Rollup.of(at, at, rs.getDouble("reading"));
                    }, deviceId, pointId, utc(from), utc(to));
        }
        Map<Instant, Rollup> buckets = new TreeMap<>();
        for (Rollup row : rows) {
            Instant bucket = Rollup.bucketOf(row.bucket(), stepMillis);
            buckets.merge(bucket, row.in(bucket), Rollup::merge);
        }
        return buckets.values().stream().map(Rollup::toHistory).toList();
    }

    /** Deletes what is older than each table's retention. */
    public void forgetBefore(Instant rawBefore, Instant minutesBefore, Instant hoursBefore) {
        jdbc.update("delete from telemetry_raw where observed_at < ?", utc(rawBefore));
        jdbc.update("delete from telemetry_minute where bucket < ?", utc(minutesBefore));
        jdbc.update("delete from telemetry_hour where bucket < ?", utc(hoursBefore));
    }

    private List<Rollup> rollups(String table, String deviceId, String pointId, Instant from, Instant to) {
        return jdbc.query("select * from " + table + " where device_id = ? and point_id = ? and bucket >= ? and bucket < ?",
                (rs, i) -> new Rollup(instant(rs, "bucket"), rs.getDouble("min_value"), rs.getDouble("max_value"),
                        rs.getDouble("sum_value"), rs.getLong("count_value"), instant(rs, "last_at"), rs.getDouble("last_value")),
                deviceId, pointId, utc(from), utc(to));
    }

    private static List<Object[]> rows(Map<Key, Rollup> rollups) {
        return rollups.entrySet().stream().map(e -> {
            Rollup r = e.getValue();
            return new Object[] {e.getKey().device(), e.getKey().point(), utc(r.bucket()), r.min(), r.max(), r.sum(), r.count(),
                    utc(r.lastAt()), r.last()};
        }).toList();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private record Key(String device, String point, Instant bucket) {
    }
}
