package io.caretaker.hub.telemetry.influx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caretaker.deviceprofiles.canonical.PointSample;
import io.caretaker.deviceprofiles.canonical.Quality;
import io.caretaker.deviceprofiles.canonical.Value;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The line protocol the InfluxDB store writes, without an InfluxDB. */
class InfluxTelemetryStoreTest {

    private static final Instant T0 = Instant.parse("2026-01-05T08:00:00.123456789Z");

    @Test
    void aWholeNumberGoesOutAsAFloatNotAnInteger() {
        assertThat(line(PointSample.good("meter-1", "voltage_l1", T0, Value.of(230.0))))
                .isEqualTo("telemetry,device=meter-1,point=voltage_l1 value=230.0 1767600000123456789");
    }

    @Test
    void booleansAreOneAndZeroAndFractionsKeepTheirDigits() {
        assertThat(line(PointSample.good("ahu-1", "fan_running", T0, Value.of(true)))).contains(" value=1.0 ");
        assertThat(line(PointSample.good("ahu-1", "fan_running", T0, Value.of(false)))).contains(" value=0.0 ");
        assertThat(line(PointSample.good("ahu-1", "supply_temp", T0, Value.of(0.1)))).contains(" value=0.1 ");
    }

    @Test
    void veryLargeAndVerySmallNumbersKeepEveryDigitInScientificNotation() {
        assertThat(line(PointSample.good("meter-1", "energy", T0, Value.of(12345678901.5)))).contains(" value=1.23456789015E10 ");
        assertThat(line(PointSample.good("meter-1", "leak", T0, Value.of(0.00001)))).contains(" value=1.0E-5 ");
        assertThat(line(PointSample.good("meter-1", "offset", T0, Value.of(-2.5)))).contains(" value=-2.5 ");
    }

    @Test
    void aBatchIsOneLinePerWrittenSample() {
        StringBuilder lines = new StringBuilder();
        assertThat(InfluxTelemetryStore.appendLine(lines, PointSample.good("a", "p", T0, Value.of(1)))).isTrue();
        assertThat(InfluxTelemetryStore.appendLine(lines, PointSample.commLoss("a", "p", T0))).isFalse();
        assertThat(InfluxTelemetryStore.appendLine(lines, PointSample.good("b", "q", T0, Value.of(2)))).isTrue();
        assertThat(lines.toString()).isEqualTo("telemetry,device=a,point=p value=1.0 1767600000123456789\n"
                + "telemetry,device=b,point=q value=2.0 1767600000123456789\n");
    }

    @Test
    void tagValuesAreEscaped() {
        assertThat(line(PointSample.good("plant room,1", "a b=c", T0, Value.of(1))))
                .startsWith("telemetry,device=plant\\ room\\,1,point=a\\ b\\=c value=1.0 ");
    }

    @Test
    void samplesThatAreNotGoodFiniteNumbersAreSkipped() {
        assertThat(InfluxTelemetryStore.line(new PointSample("a", "p", T0, T0, Value.of(1), Quality.UNCERTAIN))).isEmpty();
        assertThat(InfluxTelemetryStore.line(new PointSample("a", "p", T0, T0, Value.of(1), Quality.BAD))).isEmpty();
        assertThat(InfluxTelemetryStore.line(PointSample.commLoss("a", "p", T0))).isEmpty();
        assertThat(InfluxTelemetryStore.line(PointSample.good("a", "p", T0, Value.of("open")))).isEmpty();
        assertThat(InfluxTelemetryStore.line(PointSample.good("a", "p", T0, Value.of(Double.POSITIVE_INFINITY)))).isEmpty();
        assertThat(InfluxTelemetryStore.line(PointSample.good("", "p", T0, Value.of(1)))).isEmpty();
        assertThat(InfluxTelemetryStore.line(PointSample.good("a", "p", Instant.parse("2300-01-01T00:00:00Z"), Value.of(1))))
                .isEmpty();
    }

    @Test
    void stepsAreInfluxDurations() {
        assertThat(InfluxTelemetryStore.influxDuration(Duration.ofMinutes(1))).isEqualTo("60s");
        assertThat(InfluxTelemetryStore.influxDuration(Duration.ofHours(1))).isEqualTo("3600s");
        assertThat(InfluxTelemetryStore.influxDuration(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThatThrownBy(() -> InfluxTelemetryStore.influxDuration(Duration.ZERO)).hasMessageContaining("step");
    }

    @Test
    void aUrlThatIsNotHttpIsRejectedNamingTheSetting() {
        assertThatThrownBy(() -> new InfluxTelemetryStore("127.0.0.1:8086", "caretaker", null, null, null))
                .hasMessageContaining("caretaker.telemetry.influxdb.url");
    }

    private static String line(PointSample sample) {
        return InfluxTelemetryStore.line(sample).orElseThrow();
    }
}
