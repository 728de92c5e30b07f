package io.caretaker.hub.console;

import io.caretaker.deviceprofiles.DeviceProfile;
import io.caretaker.deviceprofiles.ProfileCatalog;
import io.caretaker.deviceprofiles.Severity;
import io.caretaker.deviceprofiles.site.InstalledDevice;
import io.caretaker.deviceprofiles.site.Site;
import io.caretaker.hub.alarms.Alarm;
import io.caretaker.hub.alarms.AlarmService;
import io.caretaker.hub.alarms.AlarmState;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * The control room's view of the alarms: filtered by building, family and state, the worst first (priority, then
 * unacknowledged before acknowledged, then newest), with the flood indicator and the life-safety banner.
 */
@Component
class AlarmBoard {

    private final AlarmService alarms;
    private final Site site;
    private final ProfileCatalog profiles;
    private final ConsoleProperties console;
    private final Clock clock;

    AlarmBoard(AlarmService alarms, Site site, ProfileCatalog profiles, ConsoleProperties console, Clock clock) {
        this.alarms = alarms;
        this.site = site;
        this.profiles = profiles;
        this.console = console;
        this.clock = clock;
    }

    /** What the board shows for a filter; a blank filter field matches everything, state "OPEN" all but NORMAL. */
    Snapshot snapshot(Filter filter) {
        List<AlarmRow> all = alarms.all(null).stream().map(this::row).toList();
        List<AlarmRow> shown = all.stream().filter(filter::matches).sorted(WORST_FIRST).toList();
        Instant since = clock.instant().minus(console.floodWindow());
        long recent = all.stream().filter(r -> !r.alarm().lastRaisedAt().isBefore(since)).count();
        List<AlarmRow> lifeSafety = all.stream()
                .filter(r -> r.lifeSafety() && !r.alarm().suppressed() && !r.alarm().isOutOfService() && r.state() != AlarmState.NORMAL)
                .sorted(WORST_FIRST).toList();
        return new Snapshot(shown, lifeSafety, recent, recent >= console.floodAlarms(), console.floodAlarms(),
                console.floodWindow().toMinutes());
    }

    List<AlarmRow> ofDevice(String deviceId) {
        return alarms.all(null).stream().filter(a -> a.deviceId().equals(deviceId)).map(this::row).toList();
    }

    java.util.Optional<AlarmRow> find(long id) {
        return alarms.all(null).stream().filter(a -> a.id() == id).findFirst().map(this::row);
    }

    List<String> buildings() {
        return site.devices().stream().map(InstalledDevice::building).filter(Objects::nonNull).distinct().sorted().toList();
    }

    List<String> families() {
        return site.devices().stream().map(d -> profiles.get(d.profile()).family().wireName()).distinct().sorted().toList();
    }

    AlarmRow row(Alarm alarm) {
        InstalledDevice device = site.device(alarm.deviceId()).orElse(null);
        DeviceProfile profile = device == null ? null : profiles.get(device.profile());
        String location = device == null ? "" : Stream.of(device.building(), device.floor(), device.room())
                .filter(Objects::nonNull).collect(Collectors.joining(" · "));
        return new AlarmRow(alarm, site.deviceName(alarm.deviceId()),
                device == null ? null : device.building(), location, profile == null ? null : profile.family().wireName(),
                site.localTime(alarm.raisedAt()), site.localTime(alarm.lastRaisedAt()), site.localTime(alarm.clearedAt()));
    }

    static final Comparator<AlarmRow> WORST_FIRST = Comparator.<AlarmRow, Severity>comparing(AlarmRow::severity)
            .thenComparing(r -> !r.unacknowledged())
            .thenComparing(r -> r.alarm().lastRaisedAt(), Comparator.reverseOrder())
            .thenComparing(AlarmRow::id, Comparator.reverseOrder());

    /** What the operator filters by. */
    public record Filter(String building, String family, String state) {

        public boolean matches(AlarmRow row) {
            if (building != null && !building.isBlank() && !building.equals(row.building())) {
                return false;
            }
            if (family != null && !family.isBlank() && !family.equals(row.family())) {
                return false;
            }
            if (state == null || state.isBlank() || state.equals("OPEN")) {
                return row.state() != AlarmState.NORMAL;
            }
            return state.equals("ALL") || state.equals(row.display()) || state.equals(row.state().name());
        }
    }

    /** The board at one moment. */
    public record Snapshot(List<AlarmRow> alarms, List<AlarmRow> lifeSafety, long raisedInWindow, boolean flood, int floodAlarms,
                    long floodMinutes) {

        public boolean lifeSafetyUnacknowledged() {
            return lifeSafety.stream().anyMatch(AlarmRow::unacknowledged);
        }
    }
}
