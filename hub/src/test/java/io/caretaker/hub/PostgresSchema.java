package io.caretaker.hub;

import com.zaxxer.hikari.HikariDataSource;
import io.caretaker.hub.alarms.TestAlarms;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;

/**
 * A schema of its own on the machine's PostgreSQL ({@code CARETAKER_TEST_POSTGRES_URL}, default
 * jdbc:postgresql://127.0.0.1:5432/test, trust auth) with a pool of connections to it, dropped on close. Aborts the
 * test, saying so, where no PostgreSQL answers.
 */
public final class PostgresSchema implements AutoCloseable {

    private static final String URL = System.getenv().getOrDefault("CARETAKER_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = System.getenv().getOrDefault("CARETAKER_TEST_POSTGRES_USER", "postgres");

    public final String name = "caretaker_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    public final HikariDataSource data;

    public PostgresSchema(int connections) {
        try (Connection probe = DriverManager.getConnection(URL, USER, "")) {
            probe.createStatement().execute("create schema " + name);
        } catch (SQLException e) {
            Assumptions.abort("no PostgreSQL at " + URL + " (" + e.getMessage() + "); set CARETAKER_TEST_POSTGRES_URL to run this test");
        }
        data = new HikariDataSource();
        data.setJdbcUrl(URL);
        data.setUsername(USER);
        data.setSchema(name);
        data.setMaximumPoolSize(connections);
    }

    /** This schema with the hub's migrations applied. */
    public HikariDataSource migrated() {
        Flyway.configure().dataSource(data).schemas(name).load().migrate();
        return data;
    }

    /** Alarm services on this schema, migrated. */
    public TestAlarms alarms() {
        return new TestAlarms(data, name);
    }

    @Override
    public void close() throws SQLException {
        data.close();
        try (Connection connection = DriverManager.getConnection(URL, USER, "")) {
            connection.createStatement().execute("drop schema " + name + " cascade");
        }
    }
}
