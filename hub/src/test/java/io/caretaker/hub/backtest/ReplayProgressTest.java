package io.caretaker.hub.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReplayProgressTest {

    @Test
    void aLineEveryIntervalSaysHowFarThroughTheFileAndTheHistoryItIsAndEveryRowGoesOn() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        long[] now = {0};
        List<Instant> passedOn = new ArrayList<>();
        ReplayProgress progress = new ReplayProgress((at, values, active) -> passedOn.add(at), "ahu-1", 400, ZoneOffset.UTC,
                new PrintStream(err, true, StandardCharsets.UTF_8), () -> now[0], Duration.ofSeconds(5));
        Instant start = Instant.parse("2017-03-11T00:00:00Z");

        for (int row = 0; row < 400; row++) {
            now[0] += Duration.ofMillis(50).toNanos(); // 20 rows a second: a line every 100 rows
            progress.row(start.plus(Duration.ofMinutes(row)), Map.of(), row < 250 ? Set.of() : Set.of("cooling-valve-leaking"));
        }

        assertThat(passedOn).hasSize(400);
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "  ahu-1: 100 of 400 rows (25%), history at 2017-03-11 01:39, 0 rules active",
                "  ahu-1: 200 of 400 rows (50%), history at 2017-03-11 03:19, 0 rules active",
                "  ahu-1: 300 of 400 rows (75%), history at 2017-03-11 04:59, 1 rule active",
                "  ahu-1: 400 of 400 rows (100%), history at 2017-03-11 06:39, 1 rule active");
    }
}
