package io.caretaker.hub.maintenance;

import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Preventive work orders across restarts on the embedded database: none duplicated, none missed. */
class MaintenancePlannerRestartTest {

    @Test
    void plansOpenEachCycleOnceAcrossRestartsAndCatchUpAfterDowntime() {
        DriverManagerDataSource data = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(data).load().migrate();

        new PlanRestartScenario(data).run();
    }
}
