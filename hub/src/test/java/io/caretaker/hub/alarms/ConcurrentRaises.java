package io.caretaker.hub.alarms;

import static org.assertj.core.api.Assertions.assertThat;

import io.caretaker.deviceprofiles.FaultRule;
import io.caretaker.deviceprofiles.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The same fault raised from many threads at once, and what must come of it: one alarm, raised once. */
final class ConcurrentRaises {

    static final int THREADS = 16;
    static final int RAISES_PER_THREAD = 100;

    private ConcurrentRaises() {
    }

    static void sendAndCheck(TestAlarms t) throws Exception {
        FaultRule rule = TestAlarms.rule("supply_air_high", Severity.MAJOR);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<List<Long>>> results = new ArrayList<>();
        try {
            for (int thread = 0; thread < THREADS; thread++) {
                results.add(pool.submit(() -> {
                    start.await();
                    List<Long> ids = new ArrayList<>();
                    for (int i = 0; i < RAISES_PER_THREAD; i++) {
                        ids.add(t.service.raise("ahu-1", rule, TestAlarms.T0.plusMillis(i)).id());
                    }
                    return ids;
                }));
            }
            start.countDown();
            List<Long> ids = new ArrayList<>();
            for (Future<List<Long>> result : results) {
                ids.addAll(result.get()); // rethrows any raise that failed
            }
            assertThat(ids).hasSize(THREADS * RAISES_PER_THREAD);
            assertThat(ids).containsOnly(ids.get(0));
        } finally {
            pool.shutdownNow();
        }
        assertThat(t.jdbc.sql("select count(*) from alarm where device_id = 'ahu-1' and rule_id = 'supply_air_high'")
                .query(Integer.class).single()).isEqualTo(1);
        Alarm alarm = t.service.all(null).get(0);
        assertThat(alarm.occurrences()).isEqualTo(1);
        assertThat(t.service.history(alarm.id())).extracting(AlarmEvent::action).containsExactly(AlarmAction.RAISED);
        assertThat(t.published(AlarmRaised.class)).hasSize(1);
    }
}
