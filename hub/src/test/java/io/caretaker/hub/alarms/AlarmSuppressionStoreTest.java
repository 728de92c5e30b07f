package io.caretaker.hub.alarms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The suppressions in the store are what a restarted rule engine starts from. */
class AlarmSuppressionStoreTest {

    @Test
    void listsTheSuppressionsInTheStoreUntilTheyAreLifted() {
        DriverManagerDataSource data = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(data).load().migrate();
        AlarmRepository alarms = new AlarmRepository(JdbcClient.create(data));
        Instant at = Instant.parse("2026-11-28T02:00:00Z");

        alarms.saveSuppression("ahu-1", "supply-air-too-hot", "plant off: fan_status is false", at);
        alarms.saveSuppression("ahu-1", "supply-air-too-hot", "device lost (COMM_LOSS)", at); // a new reason, still one row
        alarms.saveSuppression("meter-1", "voltage-l1-high", "device lost (COMM_LOSS)", at);
        alarms.deleteSuppression("meter-1", "voltage-l1-high");

        assertThat(alarms.findSuppressions()).containsExactly(Map.entry("ahu-1", "supply-air-too-hot"));
    }
}
