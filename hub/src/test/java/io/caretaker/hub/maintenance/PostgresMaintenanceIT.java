package io.caretaker.hub.maintenance;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The maintenance restart scenario on a real PostgreSQL: the machine's, at {@code CARETAKER_TEST_POSTGRES_URL}
 * (default jdbc:postgresql://127.0.0.1:5432/test), in a schema of its own dropped afterwards. Skipped, saying so,
 * where no PostgreSQL answers.
 */
class PostgresMaintenanceIT {

    private static final String URL = System.getenv().getOrDefault("CARETAKER_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = System.getenv().getOrDefault("CARETAKER_TEST_POSTGRES_USER", "postgres");
    private static final String SCHEMA = "caretaker_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    private static SingleConnectionDataSource data;

    @BeforeAll
    static void postgres() {
        try (Connection probe = DriverManager.getConnection(URL, USER, "")) {
            probe.createStatement().execute("create schema " + SCHEMA);
        } catch (SQLException e) {
            Assumptions.abort("no PostgreSQL at " + URL + " (" + e.getMessage() + "); set CARETAKER_TEST_POSTGRES_URL to run this test");
        }
        data = new SingleConnectionDataSource(URL + "?currentSchema=" + SCHEMA, USER, "", true);
        Flyway.configure().dataSource(data).schemas(SCHEMA).load().migrate();
    }

    @AfterAll
    static void dropSchema() {
        if (data != null) {
            new JdbcTemplate(data).execute("drop schema " + SCHEMA + " cascade");
            data.destroy();
        }
    }

    @Test
    void plansOpenEachCycleOnceAcrossRestartsAndCatchUpAfterDowntimeOnPostgres() {
        new PlanRestartScenario(data).run();
    }
}
