package io.caretaker.hub.webhooks;

import io.caretaker.hub.PostgresSchema;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;

/** {@link WebhookTest} on PostgreSQL: its row locks keep two hubs from sending one event twice; skipped where none answers. */
class PostgresWebhookIT extends WebhookTest {

    private PostgresSchema schema;

    @Override
    DataSource database() {
        schema = new PostgresSchema(4);
        return schema.migrated();
    }

    @AfterEach
    void dropSchema() throws SQLException {
        if (schema != null) {
            schema.close();
        }
    }
}
