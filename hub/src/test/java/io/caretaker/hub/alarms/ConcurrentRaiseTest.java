package io.caretaker.hub.alarms;

import com.zaxxer.hikari.HikariDataSource;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** One alarm per (device, rule) when 16 threads raise the same fault 100 times each, on H2. */
class ConcurrentRaiseTest {

    @Test
    void theSameFaultFromSixteenThreadsIsOneAlarm() throws Exception {
        try (HikariDataSource data = new HikariDataSource()) {
            data.setJdbcUrl("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            data.setUsername("sa");
            data.setMaximumPoolSize(ConcurrentRaises.THREADS);
            ConcurrentRaises.sendAndCheck(new TestAlarms(data));
        }
    }
}
