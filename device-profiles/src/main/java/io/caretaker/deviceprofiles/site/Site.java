package io.caretaker.deviceprofiles.site;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One site as its site file describes it: where it is in time, its working calendar, its occupied hours (null: the
 * hub's default), and its installed devices.
 */
public record Site(String id, String name, ZoneId timeZone, Calendar calendar, List<InstalledDevice> devices,
                   // profile id -> rule id -> the rule's fields changed for every device of that profile on this site
                   Map<String, Map<String, Map<String, Object>>> overrides,
                   Occupied occupied) {

    public Site(String id, String name, ZoneId timeZone, Calendar calendar, List<InstalledDevice> devices) {
        this(id, name, timeZone, calendar, devices, null, null);
    }

    public Site(String id, String name, ZoneId timeZone, Calendar calendar, List<InstalledDevice> devices,
                Map<String, Map<String, Map<String, Object>>> overrides) {
        this(id, name, timeZone, calendar, devices, overrides, null);
    }

    public Site {
        overrides = overrides == null ? Map.of() : Map.copyOf(overrides);
        if (timeZone == null) {
            timeZone = ZoneId.of("Asia/Shanghai");
        }
        if (calendar == null) {
            calendar = new Calendar(null, null);
        }
        devices = devices == null ? List.of() : List.copyOf(devices);
    }

    /** An instant as the site's local time with its offset, as people there read it (null stays null). */
    public OffsetDateTime localTime(Instant instant) {
        return instant == null ? null : instant.atZone(timeZone).toOffsetDateTime();
    }

    public Optional<InstalledDevice> device(String deviceId) {
        return devices.stream().filter(d -> d.id().equals(deviceId)).findFirst();
    }

    /** What people call the device: its name in the site file, or its id when it has none or is not on the site. */
    public String deviceName(String deviceId) {
        return device(deviceId).map(InstalledDevice::name).orElse(deviceId);
    }

    /** When people are in the buildings: on the site's working days from {@code from} to {@code to}, local time. */
    public record Occupied(@JsonFormat(pattern = "HH:mm") LocalTime from, @JsonFormat(pattern = "HH:mm") LocalTime to) {

        public Occupied {
            if (from == null || to == null || !to.isAfter(from)) {
                throw new IllegalArgumentException("occupied hours need from before to, e.g. {from: \"08:00\", to: \"20:00\"}; got "
                        + from + " to " + to);
            }
        }
    }

    /** Which days are not working days: the weekend days and the listed public holidays. */
    public record Calendar(Set<DayOfWeek> weekend, Set<LocalDate> holidays) {

        public Calendar {
            weekend = weekend == null ? Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY) : Set.copyOf(weekend);
            holidays = holidays == null ? Set.of() : Set.copyOf(holidays);
        }
    }
}
