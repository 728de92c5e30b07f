package io.caretaker.hub.workorders;

import io.caretaker.deviceprofiles.site.Site;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Work orders on a test database, with DOMAIN.md's tier table, for tests of features that open work orders. */
public final class TestWorkOrders {

    public static final SlaProperties DOMAIN_TABLE = new SlaProperties(Map.of(
            Tier.LIFE_SAFETY, targets("0s", "0s", "3wd"), Tier.MAJOR, targets("2h", "2h", "3wd"),
            Tier.IMPORTANT, targets("2h", "1wd", "2wd"), Tier.MINOR, targets("2h", "2h", "1wd")), SlaTarget.parse("3wd"), 0.8, Duration.ofDays(7));

    public static WorkOrderService service(DataSource data, Site site, Clock clock, ApplicationEventPublisher events) {
        return new WorkOrderService(new WorkOrderRepository(JdbcClient.create(data)), new SlaClock(DOMAIN_TABLE, site), site, clock, events);
    }

    private static SlaProperties.Targets targets(String dispatch, String respond, String resolve) {
        return new SlaProperties.Targets(SlaTarget.parse(dispatch), SlaTarget.parse(respond), SlaTarget.parse(resolve));
    }

    private TestWorkOrders() {
    }
}
