package io.caretaker.connectors.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caretaker.deviceprofiles.ConfigurationLoader;
import io.caretaker.deviceprofiles.DeviceProfile;
import io.caretaker.deviceprofiles.canonical.PointSample;
import io.caretaker.deviceprofiles.canonical.Quality;
import io.caretaker.deviceprofiles.canonical.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryReplayTest {

    @TempDir
    Path dir;

    private final DeviceProfile profile = new ConfigurationLoader().readProfile("test-ahu.yaml", """
            formatVersion: 1
            id: test-ahu
            name: Test air handler
            family: hvac
            points:
              - id: supply_air_temperature
                unit: °C
                kind: number
                bindings:
                  opcua: {nodeId: "ns=1;s=SAT"}
              - id: fan_status
                kind: boolean
                bindings:
                  opcua: {nodeId: "ns=1;s=FAN"}
              - id: label
                kind: text
                bindings:
                  opcua: {nodeId: "ns=1;s=LABEL"}
            """);

    private static final String MAPPING = """
            device: ahu-1
            profile: test-ahu
            timestamp: {column: Datetime, format: M/d/yyyy H:mm, timeZone: "-08:00"}
            maxGap: 10m
            columns:
              "AHU: Supply Air Temperature": {point: supply_air_temperature, scale: 0.5555555556, offset: -17.7777777778}
              "Fan  ": {point: fan_status}
            """;

    @Test
    void eachRowBecomesSamplesOnItsOwnTimeInThePointsUnits() throws IOException {
        Path csv = write("history.csv", """
                Datetime,AHU: Supply Air Temperature,Fan  \s
                3/11/2017 0:00,50,1
                3/11/2017 0:01,#VALUE!,0
                3/11/2017 0:02,,1
                """);
        List<Row> rows = new ArrayList<>();

        HistoryReplay.Summary summary = new HistoryReplay(mapping(MAPPING), profile).replay(csv, (at, samples) -> rows.add(new Row(at, samples)));

        Instant t0 = Instant.parse("2017-03-11T08:00:00Z");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).at()).isEqualTo(t0);
        assertThat(rows.get(0).samples()).extracting(PointSample::pointId).containsExactly("supply_air_temperature", "fan_status");
        assertThat(rows.get(0).samples().get(0).value().asDouble().getAsDouble()).isCloseTo(10.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(rows.get(0).samples().get(1).value()).isEqualTo(Value.of(true));
        assertThat(rows.get(1).samples().get(0).quality()).isEqualTo(Quality.BAD); // #VALUE! is counted, set aside
        assertThat(rows.get(1).samples().get(1).value()).isEqualTo(Value.of(false));
        assertThat(rows.get(2).samples()).extracting(PointSample::pointId).containsExactly("fan_status"); // empty cell: no sample
        assertThat(summary.rows()).isEqualTo(3);
        assertThat(summary.badCellsByColumn()).containsEntry("AHU: Supply Air Temperature", 1L);
        assertThat(summary.first()).isEqualTo(t0);
        assertThat(summary.last()).isEqualTo(t0.plusSeconds(120));
    }

    @Test
    void aGapLongerThanMaxGapIsLostData() throws IOException {
        Path csv = write("history.csv", """
                Datetime,AHU: Supply Air Temperature,Fan
                3/11/2017 23:59,50,1
                3/15/2017 0:00,51,1
                """);
        List<Row> rows = new ArrayList<>();

        new HistoryReplay(mapping(MAPPING), profile).replay(csv, (at, samples) -> rows.add(new Row(at, samples)));

        assertThat(rows).hasSize(3);
        assertThat(rows.get(1).at()).isEqualTo(Instant.parse("2017-03-12T08:09:00Z"));
        assertThat(rows.get(1).samples()).allMatch(s -> s.quality() == Quality.COMM_LOSS).hasSize(2);
    }

    @Test
    void aColumnTheFileLacksIsNamedWithTheColumnsItHas() throws IOException {
        Path csv = write("history.csv", "Datetime,SAT,Fan\n3/11/2017 0:00,50,1\n");

        assertThatThrownBy(() -> new HistoryReplay(mapping(MAPPING), profile).replay(csv, (at, samples) -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'AHU: Supply Air Temperature' is not a column of")
                .hasMessageContaining("its columns are: Datetime, SAT, Fan");
    }

    @Test
    void aTimeThatDoesNotMatchTheFormatIsNamedWithItsLine() throws IOException {
        Path csv = write("history.csv", "Datetime,AHU: Supply Air Temperature,Fan\n3/11/2017 0:00,50,1\n2017-03-11T00:01,50,1\n");

        assertThatThrownBy(() -> new HistoryReplay(mapping(MAPPING), profile).replay(csv, (at, samples) -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("history.csv:3: column 'Datetime': cannot read the time '2017-03-11T00:01' with the format M/d/yyyy H:mm");
    }

    @Test
    void aPointTheProfileLacksIsRefusedBeforeReading() throws IOException {
        ReplayMapping wrong = mapping(MAPPING.replace("point: fan_status", "point: fan_state"));

        assertThatThrownBy(() -> new HistoryReplay(wrong, profile))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("names point 'fan_state', which profile test-ahu does not have");
    }

    @Test
    void aMisspelledMappingFieldIsNamedWithItsLine() throws IOException {
        Path file = write("mapping.yaml", MAPPING.replace("maxGap", "maxGapp"));

        assertThatThrownBy(() -> ReplayMapping.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(file + ":4: maxGapp: is not a field here; the fields are columns, device, maxGap, parameters, profile,"
                        + " timestamp");
    }

    @Test
    void aFieldOfTheWrongKindIsNamedWithWhatItTakes() throws IOException {
        Path file = write("mapping.yaml", MAPPING + "  Bogus: 1\n");

        assertThatThrownBy(() -> ReplayMapping.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(file + ":8: columns.Bogus: cannot read as a column's point and"
                        + " conversion, e.g. {point: supply_air_temperature, scale: 0.5555555556, offset: -17.7777777778}");
        Path scale = write("mapping.yaml", MAPPING.replace("scale: 0.5555555556", "scale: five-ninths"));
        assertThatThrownBy(() -> ReplayMapping.read(scale)).hasMessageContaining(
                ":6: columns.AHU: Supply Air Temperature.scale: cannot read 'five-ninths' as a number");
    }

    private ReplayMapping mapping(String yaml) throws IOException {
        return ReplayMapping.read(write("mapping.yaml", yaml));
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private record Row(Instant at, List<PointSample> samples) {
    }
}
