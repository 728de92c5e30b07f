package io.caretaker.bench.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTest {

    @Test
    void percentilesAreNearestRank() {
        List<Double> values = List.of(5.0, 1.0, 4.0, 2.0, 3.0, 10.0, 9.0, 8.0, 7.0, 6.0);
        assertThat(Report.percentile(values, 50)).isEqualTo(5.0);
        assertThat(Report.percentile(values, 99)).isEqualTo(10.0);
        assertThat(Report.percentile(values, 10)).isEqualTo(1.0);
        assertThat(Report.percentile(List.of(42.0), 99)).isEqualTo(42.0);
        assertThatThrownBy(() -> Report.percentile(List.of(), 50)).hasMessageContaining("no values");
    }

    @Test
    void verdictsCompareAgainstTheTarget() {
        assertThat(Report.atLeast(0.5, 0.5)).isEqualTo(Report.Verdict.MET);
        assertThat(Report.atLeast(0.49, 0.5)).isEqualTo(Report.Verdict.MISSED);
        assertThat(Report.atMost(251, 250)).isEqualTo(Report.Verdict.MISSED);
        assertThat(Report.atMost(250, 250)).isEqualTo(Report.Verdict.MET);
    }

    @Test
    void oneTableAsMarkdownAndJson() throws Exception {
        Machine machine = new Machine("host", "AMD EPYC", 2, 24, "Linux", "OpenJDK 17", "1.00 2.00 3.00");
        Report report = new Report(machine, Map.of("scale", "tiny"));
        report.add(new Report.Row("hub ingest", 5_000, "msg/s", "B_mqtt", 19_000.0, 5_000 / 19_000.0, ">= 0.5 x B_mqtt",
                Report.Verdict.MISSED, null));
        report.add(new Report.Row("heap after GC, 0 points", 38.7, "MiB", null, null, null, null, Report.Verdict.NONE, null));
        report.finish(61);

        String markdown = report.markdown();
        assertThat(markdown).contains("AMD EPYC, 2 cores, 24 GiB").contains("run took 61 s")
                .contains("| hub ingest | 5,000 msg/s | B_mqtt 19,000 msg/s | 0.26 | >= 0.5 x B_mqtt | **no** |")
                .contains("| heap after GC, 0 points | 39 MiB |  |  |  |  |");

        var json = new ObjectMapper().readTree(report.json());
        assertThat(json.path("machine").path("cores").asInt()).isEqualTo(2);
        assertThat(json.path("rows")).hasSize(2);
        assertThat(json.path("rows").get(0).path("ratio").asDouble()).isBetween(0.26, 0.27);
        assertThat(json.path("rows").get(0).path("verdict").asText()).isEqualTo("MISSED");
    }

    @Test
    void numbersReadAsPeopleWriteThem() {
        assertThat(Report.number(12_345.6)).isEqualTo("12,346");
        assertThat(Report.number(3.14159)).isEqualTo("3.1");
        assertThat(Report.number(7)).isEqualTo("7");
    }
}
