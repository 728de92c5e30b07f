package io.caretaker.hub.workorders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caretaker.deviceprofiles.canonical.PointSample;
import io.caretaker.deviceprofiles.canonical.Value;
import io.caretaker.deviceprofiles.site.Site;
import io.caretaker.hub.PostgresSchema;
import io.caretaker.hub.telemetry.HistoryBucket;
import io.caretaker.hub.telemetry.SqlTelemetryStore;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The migrations, the work-order life cycle and the telemetry rollups (standard SQL MERGE) on a real PostgreSQL:
 * the machine's, at {@code CARETAKER_TEST_POSTGRES_URL} (default jdbc:postgresql://127.0.0.1:5432/test, trust auth),
 * in a schema of its own that is dropped afterwards. Skipped, saying so, where no PostgreSQL answers.
 */
class PostgresWorkOrderIT {

    private static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z");

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
    void aWorkOrderGoesThroughItsLifeCycleOnPostgres() {
        Site site = new Site("pg", "PG", ZoneId.of("Asia/Shanghai"), null, List.of());
        SlaProperties sla = new SlaProperties(Map.of(
                Tier.LIFE_SAFETY, targets("0s", "0s", "3wd"), Tier.MAJOR, targets("2h", "2h", "3wd"),
                Tier.IMPORTANT, targets("2h", "1wd", "2wd"), Tier.MINOR, targets("2h", "2h", "1wd")), SlaTarget.parse("3wd"), 0.8, Duration.ofDays(7));
        WorkOrderService service = new WorkOrderService(new WorkOrderRepository(JdbcClient.create(data)), new SlaClock(sla, site), site,
                Clock.fixed(T0, ZoneOffset.UTC), event -> { });

        WorkOrder request = service.openRequest(new RepairRequest("Fan coil noisy", null, "Office Tower", "8", "801", "Mr Zhao", null,
                Tier.IMPORTANT, null, null, "desk-wang"));
        service.apply(request.id(), Transition.DISPATCH, new TransitionRequest("desk-wang", Trade.HVAC, null, null, null, null, null, null));
        WorkOrder started = service.apply(request.id(), Transition.START, new TransitionRequest("li-na", null, null, null, null, null, null, null));

        assertThat(started.status()).isEqualTo(WorkOrderStatus.IN_PROGRESS);
        assertThat(started.respondBy()).isEqualTo(T0.plus(Duration.ofDays(1)));
        assertThat(service.history(request.id())).hasSize(3);
        assertThatThrownBy(() -> service.apply(request.id(), Transition.CLOSE,
                new TransitionRequest("x", null, null, null, null, null, null, null))).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void telemetryRollupsMergeOnPostgres() {
        SqlTelemetryStore store = new SqlTelemetryStore(new JdbcTemplate(data), new TransactionTemplate(new DataSourceTransactionManager(data)));

        store.write(List.of(PointSample.good("m", "v", T0.plusSeconds(50), Value.of(240))));
        store.write(List.of(PointSample.good("m", "v", T0.plusSeconds(5), Value.of(220)), PointSample.good("m", "v", T0.plusSeconds(20), Value.of(250))));

        assertThat(store.history("m", "v", T0, T0.plusSeconds(60), Duration.ofMinutes(1)))
                .containsExactly(new HistoryBucket(T0, 220, 250, 710.0 / 3, 240, 3));
        assertThat(store.history("m", "v", T0, T0.plus(Duration.ofHours(1)), Duration.ofHours(1)))
                .containsExactly(new HistoryBucket(T0, 220, 250, 710.0 / 3, 240, 3));
    }

    private static SlaProperties.Targets targets(String dispatch, String respond, String resolve) {
        return new SlaProperties.Targets(SlaTarget.parse(dispatch), SlaTarget.parse(respond), SlaTarget.parse(resolve));
    }
}
