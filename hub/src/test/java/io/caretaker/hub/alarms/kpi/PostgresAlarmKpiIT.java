package io.caretaker.hub.alarms.kpi;

import io.caretaker.hub.PostgresSchema;
import io.caretaker.hub.alarms.TestAlarms;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;

/** The constructed hour of {@link AlarmKpiTest}, and the same exact KPIs, on PostgreSQL; skipped where none answers. */
class PostgresAlarmKpiIT extends AlarmKpiTest {

    private PostgresSchema schema;

    @Override
    TestAlarms store() {
        schema = new PostgresSchema(2);
        return schema.alarms();
    }

    @AfterEach
    void dropSchema() throws SQLException {
        if (schema != null) {
            schema.close();
        }
    }
}
