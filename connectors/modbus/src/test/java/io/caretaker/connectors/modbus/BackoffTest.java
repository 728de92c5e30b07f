package io.caretaker.connectors.modbus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void skippedPollsDoubleUpToTheCeilingAndResetOnSuccess() {
        // 1 s polls, 8 s ceiling: at most 7 polls skipped between attempts
        Backoff backoff = Backoff.upTo(8_000, 1_000);

        List<Integer> skipped = new ArrayList<>();
        for (int failure = 0; failure < 6; failure++) {
            backoff.failed();
            int count = 0;
            while (backoff.skip()) {
                count++;
            }
            skipped.add(count);
        }
        assertThat(skipped).containsExactly(0, 1, 3, 7, 7, 7);

        backoff.succeeded();
        backoff.failed();
        assertThat(backoff.skip()).isFalse();
    }
}
