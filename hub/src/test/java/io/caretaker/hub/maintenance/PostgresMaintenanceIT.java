package io.caretaker.hub.maintenance;

import io.caretaker.hub.PostgresSchema;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The maintenance restart scenario on a real PostgreSQL: the machine's, at {@code CARETAKER_TEST_POSTGRES_URL}
 * (default jdbc:postgresql://127.0.0.1:5432/test), in a schema of its own dropped afterwards. Skipped, saying so,
 * where no PostgreSQL answers.
 */
class PostgresMaintenanceIT {

    private static PostgresSchema schema;
    private static DataSource data;

    @BeforeAll
    static void postgres() {
        schema = new PostgresSchema(4); // skips the test where no PostgreSQL answers
        data = schema.migrated();
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        if (schema != null) {
            schema.close();
        }
    }

    @Test
    void plansOpenEachCycleOnceAcrossRestartsAndCatchUpAfterDowntimeOnPostgres() {
        new PlanRestartScenario(data).run();
    }
}
