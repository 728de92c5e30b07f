package io.caretaker.hub.devices;

import static org.assertj.core.api.Assertions.assertThat;

import io.caretaker.deviceprofiles.ConfigurationLoader;
import io.caretaker.deviceprofiles.ProfileCatalog;
import io.caretaker.deviceprofiles.canonical.PointSample;
import io.caretaker.deviceprofiles.canonical.Value;
import io.caretaker.deviceprofiles.site.InstalledDevice;
import io.caretaker.deviceprofiles.site.Site;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The board keeps each point's latest sample, declared by the profile or not, and knows only installed devices. */
class DeviceBoardTest {

    private static final Instant T0 = Instant.parse("2026-11-29T05:00:00Z");
    private static final String SENSOR = """
            formatVersion: 1
            id: test-room-sensor
            name: Test room sensor
            family: hvac
            points:
              - {id: temperature, kind: number, bindings: {mqtt: {path: /t}}}
              - {id: humidity, kind: number, bindings: {mqtt: {path: /h}}}
            mqtt:
              topics: ["room/{id}"]
            rules:
              - {id: silent, type: no-data, after: 1m, severity: MINOR}
            """;

    private final DeviceBoard board = new DeviceBoard(
            new Site("test", "Test", ZoneOffset.UTC, null, List.of(new InstalledDevice("room-1", "test-room-sensor", null, "Tower A", null, null, null))),
            ProfileCatalog.of(List.of(new ConfigurationLoader().readProfile("test-room-sensor.yaml", SENSOR))),
            Clock.fixed(T0, ZoneOffset.UTC));

    @Test
    void theLatestSampleOfEachPointIsShownAndAPointNeverHeardIsNot() {
        assertThat(board.record(sample("temperature", 0, 21.0))).isTrue();
        assertThat(board.record(sample("temperature", 1, 22.0))).isTrue();
        assertThat(board.record(sample("co2", 1, 600.0))).isTrue(); // not in the profile: still shown

        DeviceBoard.DeviceView view = board.find("room-1", T0.plusSeconds(2)).orElseThrow();

        assertThat(view.latest()).containsOnlyKeys("temperature", "co2");
        assertThat(view.latest().get("temperature").value()).isEqualTo(Value.of(22.0));
        assertThat(view.latest().get("co2").value()).isEqualTo(Value.of(600.0));
        assertThat(view.lastSeen()).isEqualTo(T0.plusSeconds(1));
        assertThat(view.status()).isEqualTo(DeviceStatus.ONLINE);
    }

    @Test
    void aSampleOfADeviceNotInTheSiteFileIsNotRecorded() {
        assertThat(board.record(PointSample.good("room-9", "temperature", T0, Value.of(21.0)))).isFalse();
        assertThat(board.find("room-9", T0)).isEmpty();
    }

    private static PointSample sample(String point, int second, double value) {
        return PointSample.good("room-1", point, T0.plusSeconds(second), Value.of(value));
    }
}
