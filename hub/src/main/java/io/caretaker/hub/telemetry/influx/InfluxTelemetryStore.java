package io.caretaker.hub.telemetry.influx;

import io.caretaker.deviceprofiles.canonical.PointSample;
import io.caretaker.deviceprofiles.canonical.Quality;
import io.caretaker.hub.telemetry.HistoryBucket;
import io.caretaker.hub.telemetry.TelemetryRejectedException;
import io.caretaker.hub.telemetry.TelemetryStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBException;
import org.influxdb.InfluxDBFactory;
import org.influxdb.InfluxDBIOException;
import org.influxdb.dto.BoundParameterQuery;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps telemetry in InfluxDB through its 1.x HTTP API (line protocol in, InfluxQL out), which InfluxDB 1.x,
 * 2.x's v1-compatibility endpoints and 3.x all accept.
 *
 * <p>Layout, one line per sample:
 * <pre>
 * telemetry,device=&lt;deviceId&gt;,point=&lt;pointId&gt; value=&lt;float&gt; &lt;observedAt in ns since the epoch&gt;
 * telemetry,device=ahu-1,point=supply_temp value=230.0 1767600000000000000
 * </pre>
 * <ul>
 *   <li>measurement {@code telemetry};</li>
 *   <li>tags {@code device} (the installed device id) and {@code point} (the profile's point id);</li>
 *   <li>one field {@code value}, always a float, never an integer: a first sample of 230 written as an integer
 *       would fix the field's type and every later 230.5 would be refused. Booleans are 1.0 and 0.0;</li>
 *   <li>timestamp = the sample's {@code observedAt}, nanosecond precision. A second sample of the same point at
 *       the same instant replaces the first (InfluxDB keys a point by series and time).</li>
 * </ul>
 * Only samples of quality GOOD with a finite numeric value are written; the rest are skipped, as a quality
 * flag is the connector's report, not a measurement. The database is created on first use (unless it exists);
 * the retention policy is InfluxDB's business ({@code autogen} keeps everything).
 *
 * <p>Each {@link #write} is one synchronous HTTP request and throws when InfluxDB does not take the batch; the
 * telemetry writer buffers and retries. influxdb-java's own batching is deliberately not enabled: it drops
 * points silently when InfluxDB is down.
 */
public class InfluxTelemetryStore implements TelemetryStore, AutoCloseable {

    static final String MEASUREMENT = "telemetry";
    static final String DEVICE_TAG = "device";
    static final String POINT_TAG = "point";
    static final String VALUE_FIELD = "value";

    // the instants InfluxDB can store: nanoseconds since the epoch in a long, less its two reserved values
    private static final Instant EARLIEST = Instant.EPOCH.plusNanos(Long.MIN_VALUE + 2);
    private static final Instant LATEST = Instant.EPOCH.plusNanos(Long.MAX_VALUE - 1);

    private static final Logger log = LoggerFactory.getLogger(InfluxTelemetryStore.class);

    private final String url;
    private final String database;
    private final String retentionPolicy;
    private final InfluxDB influx;
    private volatile boolean databaseReady;

    /**
     * @param url             InfluxDB's HTTP address, e.g. {@code http://127.0.0.1:8086}
     * @param database        the database (on 2.x/3.x: the bucket mapped to it)
     * @param username        null when InfluxDB has no authentication
     * @param password        null when InfluxDB has no authentication
     * @param retentionPolicy null or blank for the database's default
     */
    public InfluxTelemetryStore(String url, String database, String username, String password, String retentionPolicy) {
        if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
            throw new IllegalArgumentException("InfluxDB url '" + url + "' is not an http(s) address; set "
                    + "caretaker.telemetry.influxdb.url, e.g. http://127.0.0.1:8086");
        }
        if (database == null || database.isBlank()) {
            throw new IllegalArgumentException("no InfluxDB database; set caretaker.telemetry.influxdb.database");
        }
        this.url = url;
        this.database = database;
        this.retentionPolicy = retentionPolicy == null || retentionPolicy.isBlank() ? null : retentionPolicy;
        // explicit timeouts, so an InfluxDB that accepts connections but never answers holds the writer up for
        // seconds, not forever
        OkHttpClient.Builder http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(30))
                .writeTimeout(Duration.ofSeconds(30));
        this.influx = username == null
                ? InfluxDBFactory.connect(url, http)
                : InfluxDBFactory.connect(url, username, password == null ? "" : password, http);
        influx.setLogLevel(InfluxDB.LogLevel.NONE);
    }

    @Override
    public void write(List<PointSample> batch) throws IOException, TelemetryRejectedException {
        StringBuilder lines = new StringBuilder(batch.size() * 80);
        int points = 0;
        for (PointSample sample : batch) {
            if (appendLine(lines, sample)) {
                points++;
            }
        }
        if (points == 0) {
            return;
        }
        ensureDatabase();
        try {
            influx.write(database, retentionPolicy, InfluxDB.ConsistencyLevel.ONE, TimeUnit.NANOSECONDS, lines.toString());
        } catch (InfluxDBException e) {
            if (e.getMessage() != null && e.getMessage().contains("database not found")) {
                // dropped (or a fresh server) since we created it: create it again before the writer's retry
                databaseReady = false;
            } else if (!e.isRetryWorth()) {
                throw new TelemetryRejectedException("InfluxDB at " + url + " refused " + points
                        + " points for good (retrying cannot help): " + e.getMessage(), e);
            }
            throw failure("writing " + points + " points to database " + database, e);
        }
        log.trace("influx wrote points={} database={}", points, database);
    }

    @Override
    public List<HistoryBucket> history(String deviceId, String pointId, Instant from, Instant to, Duration step) {
        String influxQl = "SELECT min(" + VALUE_FIELD + "), max(" + VALUE_FIELD + "), mean(" + VALUE_FIELD + "), last("
                + VALUE_FIELD + "), count(" + VALUE_FIELD + ") FROM " + measurementReference()
                + " WHERE " + DEVICE_TAG + " = $device AND " + POINT_TAG + " = $point AND time >= $from AND time < $to"
                + " GROUP BY time(" + influxDuration(step) + ") fill(none)";
        Query query = BoundParameterQuery.QueryBuilder.newQuery(influxQl)
                .forDatabase(database)
                .bind("device", deviceId)
                .bind("point", pointId)
                .bind("from", clampedEpochNanos(from))
                .bind("to", clampedEpochNanos(to))
                .create();
        QueryResult result;
        try {
            ensureDatabase();
            result = influx.query(query);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InfluxDBException e) {
            throw new UncheckedIOException(failure("reading history of device " + deviceId + " point " + pointId, e));
        }
        return buckets(result, deviceId, pointId);
    }

    private List<HistoryBucket> buckets(QueryResult result, String deviceId, String pointId) {
        if (result.hasError()) {
            throw new UncheckedIOException(new IOException("InfluxDB at " + url + " refused the history query of device "
                    + deviceId + " point " + pointId + ": " + result.getError()));
        }
        List<HistoryBucket> buckets = new ArrayList<>();
        for (QueryResult.Result statement : result.getResults()) {
            if (statement.hasError()) {
                throw new UncheckedIOException(new IOException("InfluxDB at " + url + " refused the history query of device "
                        + deviceId + " point " + pointId + ": " + statement.getError()));
            }
            if (statement.getSeries() == null) {
                continue;
            }
            for (QueryResult.Series series : statement.getSeries()) {
                List<String> columns = series.getColumns();
                int time = columns.indexOf("time");
                int min = columns.indexOf("min");
                int max = columns.indexOf("max");
                int mean = columns.indexOf("mean");
                int last = columns.indexOf("last");
                int count = columns.indexOf("count");
                for (List<Object> row : series.getValues()) {
                    buckets.add(new HistoryBucket(Instant.parse((String) row.get(time)), number(row.get(min)),
                            number(row.get(max)), number(row.get(mean)), number(row.get(last)),
                            (long) number(row.get(count))));
                }
            }
        }
        // InfluxDB answers GROUP BY time in time order already; sorting keeps that a guarantee of this class
        buckets.sort((a, b) -> a.start().compareTo(b.start()));
        return buckets;
    }

    @Override
    public String name() {
        return "influxdb";
    }

    @Override
    public void close() {
        influx.close();
    }

    @Override
    public String toString() {
        return "InfluxTelemetryStore[url=" + url + ", database=" + database + "]";
    }

    /** The line a sample becomes, or empty when it is not written (not GOOD, not a finite number, no ids). */
    static Optional<String> line(PointSample sample) {
        StringBuilder line = new StringBuilder(80);
        return appendLine(line, sample) ? Optional.of(line.substring(0, line.length() - 1)) : Optional.empty();
    }

    /**
     * Appends the sample's line and a newline, and says whether it did. Formatted here rather than by influxdb-java's
     * {@code Point}, whose {@code DecimalFormat} took three quarters of the writer thread's time: {@link Double#toString}
     * gives the shortest digits that read back as the same double ({@code 230.0}, {@code 0.1}, {@code 1.0E-5}), all
     * of which InfluxDB reads as a float.
     */
    static boolean appendLine(StringBuilder lines, PointSample sample) {
        if (sample.quality() != Quality.GOOD || sample.deviceId().isBlank() || sample.pointId().isBlank()) {
            return false;
        }
        OptionalDouble value = sample.value().asDouble();
        if (value.isEmpty() || !Double.isFinite(value.getAsDouble())
                || sample.observedAt().isBefore(EARLIEST) || sample.observedAt().isAfter(LATEST)) {
            return false;
        }
        lines.append(MEASUREMENT).append(',').append(DEVICE_TAG).append('=');
        appendTagValue(lines, sample.deviceId());
        lines.append(',').append(POINT_TAG).append('=');
        appendTagValue(lines, sample.pointId());
        // a double, never a long: 230 written as an integer (230i) would fix the field's type and refuse 230.5 later
        lines.append(' ').append(VALUE_FIELD).append('=').append(value.getAsDouble())
                .append(' ').append(epochNanos(sample.observedAt())).append('\n');
        return true;
    }

    /** A tag value with the line protocol's special characters (comma, equals sign, space) escaped by a backslash. */
    private static void appendTagValue(StringBuilder line, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '=' || c == ' ') {
                line.append('\\');
            }
            line.append(c);
        }
    }

    /** A step as an InfluxQL duration literal: whole seconds as {@code 60s}, else milliseconds. */
    static String influxDuration(Duration step) {
        if (step == null || step.toMillis() < 1) {
            throw new IllegalArgumentException("history step " + step + " is shorter than 1ms; use e.g. 60s");
        }
        long millis = step.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }

    private void ensureDatabase() throws IOException {
        if (databaseReady) {
            return;
        }
        try {
            influx.query(new Query("CREATE DATABASE " + identifier(database), null, true));
            log.debug("influx database ready url={} database={}", url, database);
        } catch (InfluxDBIOException e) {
            throw failure("creating database " + database, e);
        } catch (InfluxDBException e) {
            // a user without admin rights, or InfluxDB 2.x/3.x where databases are buckets made elsewhere:
            // the database may well exist, so go on and let the writes tell
            log.warn("influx database not created, assuming it exists url={} database={} cause={}", url, database,
                    e.getMessage());
        }
        databaseReady = true;
    }

    private String measurementReference() {
        return retentionPolicy == null
                ? identifier(MEASUREMENT)
                : identifier(retentionPolicy) + "." + identifier(MEASUREMENT);
    }

    private IOException failure(String action, RuntimeException e) {
        String cause = e instanceof InfluxDBIOException && e.getCause() != null ? e.getCause().toString() : e.getMessage();
        return new IOException("InfluxDB at " + url + " failed " + action + ": " + cause, e);
    }

    private static String identifier(String name) {
        return "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static long epochNanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }

    /** A query bound outside what InfluxDB can store (1677..2262) means "from the beginning" or "to the end". */
    private static long clampedEpochNanos(Instant instant) {
        return epochNanos(instant.isBefore(EARLIEST) ? EARLIEST : instant.isAfter(LATEST) ? LATEST : instant);
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }
}
