package io.caretaker.hub.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PointHistoryTest {

    private static final Instant T0 = Instant.parse("2026-11-28T02:00:00Z");

    @Test
    void theLowestAndHighestOfTheWindowMatchAPlainScanOfIt() {
        PointHistory history = new PointHistory();
        List<double[]> all = new ArrayList<>(); // (second, value)
        Random random = new Random(7);
        Duration window = Duration.ofSeconds(60);
        for (int second = 0; second < 2000; second += 1 + random.nextInt(5)) {
            double value = Math.round(random.nextGaussian() * 100) / 10.0;
            history.add(T0.plusSeconds(second), value);
            history.keepWithin(T0.plusSeconds(second), window);
            all.add(new double[] {second, value});
            int now = second;
            double[] inWindow = all.stream().filter(r -> r[0] >= now - 60).mapToDouble(r -> r[1]).toArray();

            assertThat(history.min()).as("second %d", second).isEqualTo(java.util.Arrays.stream(inWindow).min().orElseThrow());
            assertThat(history.max()).as("second %d", second).isEqualTo(java.util.Arrays.stream(inWindow).max().orElseThrow());
        }
    }

    @Test
    void aWindowKeptForSpanningHoldsTheLastReadingBeforeItsStart() {
        PointHistory history = new PointHistory();
        history.add(T0, 5);
        history.add(T0.plusSeconds(30), 1);
        history.add(T0.plusSeconds(90), 3);

        history.keepWindow(T0.plusSeconds(100), Duration.ofSeconds(60));

        assertThat(history.spans(T0.plusSeconds(100), Duration.ofSeconds(60))).isTrue();
        assertThat(history.min()).isEqualTo(1); // the reading at 30 s still stands at the window's start (40 s)
        assertThat(history.max()).isEqualTo(3);
    }

    @Test
    void theLowestAndHighestSinceAnyInstantMatchAPlainScan() {
        PointHistory history = new PointHistory();
        List<double[]> all = new ArrayList<>();
        Random random = new Random(11);
        for (int second = 0; second < 600; second += 1 + random.nextInt(3)) {
            double value = Math.round(random.nextGaussian() * 100) / 10.0;
            history.add(T0.plusSeconds(second), value);
            all.add(new double[] {second, value});
        }
        for (int since = 0; since <= 600; since += 7) {
            int from = since;
            double[] after = all.stream().filter(r -> r[0] >= from).mapToDouble(r -> r[1]).toArray();
            double latest = all.get(all.size() - 1)[1];

            assertThat(history.lowestSince(T0.plusSeconds(since))).as("since %d", since)
                    .isEqualTo(after.length == 0 ? latest : java.util.Arrays.stream(after).min().orElseThrow());
            assertThat(history.highestSince(T0.plusSeconds(since))).as("since %d", since)
                    .isEqualTo(after.length == 0 ? latest : java.util.Arrays.stream(after).max().orElseThrow());
        }
        assertThat(new PointHistory().lowestSince(T0)).isNaN();
    }
}
