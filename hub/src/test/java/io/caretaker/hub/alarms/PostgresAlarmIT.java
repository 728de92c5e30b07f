package io.caretaker.hub.alarms;

import static org.assertj.core.api.Assertions.assertThat;

import io.caretaker.deviceprofiles.Severity;
import io.caretaker.hub.PostgresSchema;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The alarm store on a real PostgreSQL (see {@link PostgresSchema}): concurrent raises of one fault end in one alarm,
 * and the operator actions work on its SQL. Skipped, saying so, where no PostgreSQL answers.
 */
class PostgresAlarmIT {

    private PostgresSchema schema;

    @BeforeEach
    void postgres() {
        schema = new PostgresSchema(ConcurrentRaises.THREADS);
    }

    @AfterEach
    void dropSchema() throws SQLException {
        if (schema != null) {
            schema.close();
        }
    }

    @Test
    void theSameFaultFromSixteenThreadsIsOneAlarmOnPostgres() throws Exception {
        ConcurrentRaises.sendAndCheck(schema.alarms());
    }

    @Test
    void anAlarmIsShelvedAcknowledgedAndReleasedOnPostgres() {
        TestAlarms t = schema.alarms();
        Alarm alarm = t.service.raise("ahu-1", TestAlarms.rule("supply_air_high", Severity.MAJOR), TestAlarms.T0);
        t.service.shelve(alarm.id(), "operator-li", "noisy", TestAlarms.T0.plusSeconds(600));
        t.service.acknowledge(alarm.id(), "operator-li", null);
        t.clock.advance(Duration.ofMinutes(10));

        assertThat(t.service.expireShelves()).extracting(Alarm::id).containsExactly(alarm.id());
        assertThat(t.service.history(alarm.id())).extracting(AlarmEvent::action)
                .containsExactly(AlarmAction.RAISED, AlarmAction.SHELVED, AlarmAction.ACKNOWLEDGED, AlarmAction.SHELF_EXPIRED);
    }
}
