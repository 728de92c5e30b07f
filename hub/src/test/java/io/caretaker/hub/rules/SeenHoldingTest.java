package io.caretaker.hub.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SeenHoldingTest {

    private static final Instant T0 = Instant.parse("2026-11-28T02:00:00Z");
    private static final Duration DELAY = Duration.ofMinutes(15);

    @Test
    void readingsThatShowTheConditionAddUpTheTimeBetweenThem() {
        SeenHolding seen = new SeenHolding();
        assertThat(seen.lasted(Duration.ZERO, T0)).isFalse(); // nothing seen yet

        seen.holds(T0);
        assertThat(seen.lasted(DELAY, minute(14))).isFalse();
        assertThat(seen.lasted(DELAY, minute(15))).isTrue(); // a reading's verdict stands until the next
    }

    @Test
    void aReadingThatCannotBeJudgedStopsTheCountWithoutResettingIt() {
        SeenHolding seen = new SeenHolding();
        seen.holds(T0);
        seen.unknown(minute(10)); // 10 minutes seen

        assertThat(seen.lasted(DELAY, minute(60))).isFalse(); // an hour later, still 10 minutes
        seen.holds(minute(60));
        assertThat(seen.lasted(DELAY, minute(64))).isFalse();
        assertThat(seen.lasted(DELAY, minute(65))).isTrue();
    }

    @Test
    void aReadingThatShowsTheConditionGoneStartsAgain() {
        SeenHolding seen = new SeenHolding();
        seen.holds(T0);
        seen.unknown(minute(10));
        seen.reset();

        seen.holds(minute(20));
        assertThat(seen.lasted(DELAY, minute(34))).isFalse();
        assertThat(seen.lasted(DELAY, minute(35))).isTrue();
    }

    private static Instant minute(int minute) {
        return T0.plusSeconds(minute * 60L);
    }
}
