package io.caretaker.bench.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JavaAppTest {

    @Test
    void liveHeapIsTheHistogramTotal() {
        String histogram = """
                12345:
                 num     #instances         #bytes  class name (module)
                -------------------------------------------------------
                   1:        120034        9876544  [B (java.base@17.0.15)
                   2:         98000        2352000  java.lang.String (java.base@17.0.15)
                Total        1064573       56012824
                """;
        assertThat(JavaApp.histogramTotalBytes(histogram)).isEqualTo(56_012_824L);
    }

    @Test
    void aHistogramWithoutTotalIsAnError() {
        assertThatThrownBy(() -> JavaApp.histogramTotalBytes("12345:\nCould not attach"))
                .hasMessageContaining("no Total line");
    }
}
