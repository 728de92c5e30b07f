package io.caretaker.hub.alarms;

import io.caretaker.deviceprofiles.FaultRule;
import io.caretaker.deviceprofiles.Severity;
import io.caretaker.hub.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** An alarm service on a fresh migrated database, a clock the test moves by hand, and the events it published. */
public final class TestAlarms {

    public static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z");
    public static final AlarmProperties PROPERTIES = new AlarmProperties(Duration.ofHours(8), Duration.ofSeconds(10),
            new AlarmProperties.Chattering(3, Duration.ofSeconds(60)), new AlarmProperties.Kpi(10, Duration.ofHours(24), Duration.ofDays(31)));

    public final MovableClock clock = new MovableClock(T0);
    public final List<Object> published = new CopyOnWriteArrayList<>();
    public final JdbcClient jdbc;
    public final AlarmService service;

    public TestAlarms(DataSource data) {
        this(data, null);
    }

    /** On a database schema of its own, e.g. a PostgreSQL schema a test made. */
    public TestAlarms(DataSource data, String schema) {
        var flyway = Flyway.configure().dataSource(data);
        if (schema != null) {
            flyway = flyway.schemas(schema);
        }
        flyway.load().migrate();
        jdbc = JdbcClient.create(data);
        service = new AlarmService(new AlarmRepository(jdbc), published::add, new DataSourceTransactionManager(data), clock, PROPERTIES);
    }

    public static TestAlarms onH2() {
        return new TestAlarms(new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""));
    }

    public static FaultRule rule(String id, Severity severity) {
        return new FaultRule.NoData(id, Duration.ofMinutes(10), severity, id + " message");
    }

    public <T> List<T> published(Class<T> type) {
        return published.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
