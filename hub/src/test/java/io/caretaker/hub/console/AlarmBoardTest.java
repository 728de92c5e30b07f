package io.caretaker.hub.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.caretaker.deviceprofiles.ConfigurationLoader;
import io.caretaker.deviceprofiles.ProfileCatalog;
import io.caretaker.deviceprofiles.Severity;
import io.caretaker.deviceprofiles.site.Site;
import io.caretaker.hub.alarms.Alarm;
import io.caretaker.hub.alarms.AlarmService;
import io.caretaker.hub.alarms.AlarmState;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The control room's board: worst first, filters, the life-safety banner and the flood indicator. */
class AlarmBoardTest {

    private static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");

    private final AlarmService service = mock(AlarmService.class);
    private final List<Alarm> alarms = new ArrayList<>();
    private AlarmBoard board;

    @BeforeEach
    void site() {
        ConfigurationLoader loader = new ConfigurationLoader();
        ProfileCatalog profiles = ProfileCatalog.readDirectory(loader, Path.of("../device-profiles/profiles"));
        Site site = loader.readSite("site.yaml", """
                formatVersion: 1
                site: {id: t, name: Test, timeZone: Asia/Shanghai}
                devices:
                  - {id: ahu-1, profile: air-handler-basic, building: Tower, connection: {protocol: opcua, endpoint: "opc.tcp://127.0.0.1:1/x"}}
                  - {id: door-1, profile: door-contact-zigbee, building: Annex, connection: {protocol: mqtt, broker: "tcp://127.0.0.1:1", topic: "z/{id}"}}
                  - {id: meter-1, profile: energy-meter-sdm630, building: Tower, connection: {protocol: modbus, host: 127.0.0.1, port: 1, unitId: 1}}
                """, profiles, UnaryOperator.identity());
        when(service.all(null)).thenReturn(alarms);
        board = new AlarmBoard(service, site, profiles, new ConsoleProperties(3, Duration.ofMinutes(10), Duration.ofSeconds(30)),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void theWorstComeFirstThenTheUnacknowledgedThenTheNewest() {
        alarms.add(alarm(1, "door-1", Severity.MINOR, AlarmState.ACTIVE_UNACKED, 1));
        alarms.add(alarm(2, "meter-1", Severity.IMPORTANT, AlarmState.ACTIVE_ACKED, 2));
        alarms.add(alarm(3, "meter-1", Severity.IMPORTANT, AlarmState.ACTIVE_UNACKED, 50));
        alarms.add(alarm(4, "ahu-1", Severity.MAJOR, AlarmState.RETURNED_UNACKED, 60));
        alarms.add(alarm(5, "meter-1", Severity.IMPORTANT, AlarmState.ACTIVE_UNACKED, 3));
        alarms.add(alarm(6, "ahu-1", Severity.MAJOR, AlarmState.NORMAL, 1));

        assertThat(ids(new AlarmBoard.Filter(null, null, null))).containsExactly(4L, 5L, 3L, 2L, 1L);
        assertThat(ids(new AlarmBoard.Filter(null, null, "ALL"))).containsExactly(4L, 6L, 5L, 3L, 2L, 1L);
        assertThat(ids(new AlarmBoard.Filter("Annex", null, ""))).containsExactly(1L);
        assertThat(ids(new AlarmBoard.Filter(null, "meter", "ACTIVE_UNACKED"))).containsExactly(5L, 3L);
        assertThat(ids(new AlarmBoard.Filter("Tower", "hvac", "NORMAL"))).containsExactly(6L);
    }

    @Test
    void aLifeSafetyAlarmRaisesTheBannerUntilAcknowledged() {
        alarms.add(alarm(1, "door-1", Severity.MINOR, AlarmState.ACTIVE_UNACKED, 1));
        assertThat(board.snapshot(new AlarmBoard.Filter(null, null, null)).lifeSafety()).isEmpty();

        alarms.add(alarm(2, "ahu-1", Severity.LIFE_SAFETY, AlarmState.ACTIVE_UNACKED, 5));
        // a filter that hides it from the table does not hide it from the banner
        var snapshot = board.snapshot(new AlarmBoard.Filter("Annex", null, null));
        assertThat(snapshot.alarms()).extracting(AlarmRow::id).containsExactly(1L);
        assertThat(snapshot.lifeSafety()).extracting(AlarmRow::id).containsExactly(2L);
        assertThat(snapshot.lifeSafetyUnacknowledged()).isTrue();

        alarms.set(1, alarm(2, "ahu-1", Severity.LIFE_SAFETY, AlarmState.ACTIVE_ACKED, 5));
        snapshot = board.snapshot(new AlarmBoard.Filter(null, null, null));
        assertThat(snapshot.lifeSafety()).hasSize(1);
        assertThat(snapshot.lifeSafetyUnacknowledged()).isFalse();

        alarms.set(1, alarm(2, "ahu-1", Severity.LIFE_SAFETY, AlarmState.NORMAL, 5));
        assertThat(board.snapshot(new AlarmBoard.Filter(null, null, null)).lifeSafety()).isEmpty();
    }

    @Test
    void aFloodIsTheConfiguredNumberOfAlarmsRaisedWithinTheWindow() {
        alarms.add(alarm(1, "door-1", Severity.MINOR, AlarmState.ACTIVE_UNACKED, 1));
        alarms.add(alarm(2, "ahu-1", Severity.MAJOR, AlarmState.ACTIVE_UNACKED, 9 * 60));
        alarms.add(alarm(3, "meter-1", Severity.MAJOR, AlarmState.NORMAL, 11 * 60));   // outside the 10 minutes
        var calm = board.snapshot(new AlarmBoard.Filter(null, null, null));
        assertThat(calm.raisedInWindow()).isEqualTo(2);
        assertThat(calm.flood()).isFalse();

        alarms.add(alarm(4, "meter-1", Severity.MINOR, AlarmState.RETURNED_UNACKED, 10 * 60)); // exactly at the edge: in
        var flood = board.snapshot(new AlarmBoard.Filter(null, null, null));
        assertThat(flood.raisedInWindow()).isEqualTo(3);
        assertThat(flood.flood()).isTrue();
    }

    @Test
    void rowsSayWhereTheDeviceIsAndShowSuppressionAsTheirState() {
        Alarm suppressed = new Alarm(9, "meter-1", "voltage-l1-high", Severity.IMPORTANT, AlarmState.ACTIVE_UNACKED, "high",
                NOW, NOW, null, 1, null, "meter-offline");
        AlarmRow row = board.row(suppressed);
        assertThat(row.deviceName()).isEqualTo("meter-1");
        assertThat(row.family()).isEqualTo("meter");
        assertThat(row.display()).isEqualTo("SUPPRESSED");
        assertThat(row.icon()).isEqualTo("⊘");
        assertThat(row.raisedAt().getOffset().getTotalSeconds()).isEqualTo(8 * 3600);
    }

    private List<Long> ids(AlarmBoard.Filter filter) {
        return board.snapshot(filter).alarms().stream().map(AlarmRow::id).toList();
    }

    private static Alarm alarm(long id, String device, Severity severity, AlarmState state, int secondsAgo) {
        Instant at = NOW.minusSeconds(secondsAgo);
        return new Alarm(id, device, "rule-" + id, severity, state, "alarm " + id, at, at, null, 1, null, null);
    }
}
