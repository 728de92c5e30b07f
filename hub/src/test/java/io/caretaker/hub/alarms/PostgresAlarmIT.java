package io.caretaker.hub.alarms;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The alarm store on a real PostgreSQL (the machine's, at {@code CARETAKER_TEST_POSTGRES_URL}, default
 * jdbc:postgresql://127.0.0.1:5432/test, trust auth), in a schema of its own dropped afterwards: concurrent raises of
 * one fault end in one alarm, and the operator actions work on its SQL. Skipped, saying so, where no PostgreSQL answers.
 */
class PostgresAlarmIT {

    private static final String URL = System.getenv().getOrDefault("CARETAKER_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = System.getenv().getOrDefault("CARETAKER_TEST_POSTGRES_USER", "postgres");

    private final String schema = "caretaker_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private HikariDataSource data;

    @BeforeEach
    void postgres() {
        try (Connection probe = DriverManager.getConnection(URL, USER, "")) {
            probe.createStatement().execute("create schema " + schema);
        } catch (SQLException e) {
            Assumptions.abort("no PostgreSQL at " + URL + " (" + e.getMessage() + "); set CARETAKER_TEST_POSTGRES_URL to run this test");
        }
        data = new HikariDataSource();
        data.setJdbcUrl(URL);
        data.setUsername(USER);
        data.setSchema(schema);
        data.setMaximumPoolSize(ConcurrentRaises.THREADS);
    }

    @AfterEach
    void dropSchema() throws SQLException {
        if (data != null) {
            data.close();
            try (Connection connection = DriverManager.getConnection(URL, USER, "")) {
                connection.createStatement().execute("drop schema " + schema + " cascade");
            }
        }
    }

    @Test
    void theSameFaultFromSixteenThreadsIsOneAlarmOnPostgres() throws Exception {
        ConcurrentRaises.sendAndCheck(new TestAlarms(data, schema));
    }

    @Test
    void anAlarmIsShelvedAcknowledgedAndReleasedOnPostgres() {
        TestAlarms t = new TestAlarms(data, schema);
        Alarm alarm = t.service.raise("ahu-1", TestAlarms.rule("supply_air_high", io.caretaker.deviceprofiles.Severity.MAJOR), TestAlarms.T0);
        t.service.shelve(alarm.id(), "operator-li", "noisy", TestAlarms.T0.plusSeconds(600));
        t.service.acknowledge(alarm.id(), "operator-li", null);
        t.clock.advance(java.time.Duration.ofMinutes(10));

        org.assertj.core.api.Assertions.assertThat(t.service.expireShelves()).extracting(Alarm::id).containsExactly(alarm.id());
        org.assertj.core.api.Assertions.assertThat(t.service.history(alarm.id())).extracting(AlarmEvent::action)
                .containsExactly(AlarmAction.RAISED, AlarmAction.SHELVED, AlarmAction.ACKNOWLEDGED, AlarmAction.SHELF_EXPIRED);
    }
}
