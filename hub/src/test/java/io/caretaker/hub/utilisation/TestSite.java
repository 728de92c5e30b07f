package io.caretaker.hub.utilisation;

import io.caretaker.deviceprofiles.ConfigurationLoader;
import io.caretaker.deviceprofiles.ProfileCatalog;
import io.caretaker.deviceprofiles.site.InstalledDevice;
import io.caretaker.deviceprofiles.site.Site;
import io.caretaker.hub.calendar.WorkingCalendar;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** A small site for utilisation tests: three pumps of one profile, one office air handler, one energy counter. */
final class TestSite {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final LocalDate NATIONAL_DAY = LocalDate.of(2026, 10, 1);

    static final String PUMP = """
            formatVersion: 1
            id: test-pump
            name: Test pump
            family: hvac
            points:
              - id: run_status
                kind: boolean
                bindings:
                  modbus: {table: coil, address: 0}
              - id: starts_counter
                kind: number
                bindings:
                  modbus: {table: input-register, address: 0}
            utilisation:
              runningPoint: run_status
            maintenance:
              - id: seal-check
                type: calendar
                task: Check the pump seal
                every: 3mo
                lead: 7d
              - id: bearing-grease
                type: run-hours
                task: Grease the bearings
                every: 100
                lead: 10
              - id: starter-check
                type: count
                task: Check the starter
                point: starts
                every: 20
                lead: 2
              - id: valve-service
                type: count
                task: Service the valve
                point: starts_counter
                every: 1000
                lead: 50
            """;

    static final String AHU = """
            formatVersion: 1
            id: test-ahu
            name: Test air handler
            family: hvac
            points:
              - id: fan_status
                kind: boolean
                bindings:
                  modbus: {table: coil, address: 0}
            utilisation:
              runningPoint: fan_status
              occupiedOnly: true
            """;

    static final String METER = """
            formatVersion: 1
            id: test-meter
            name: Test sub-meter
            family: meter
            points:
              - id: energy
                unit: kWh
                kind: number
                bindings:
                  modbus: {table: input-register, address: 0, type: float32}
            utilisation:
              runningPoint: energy
              runningWhenRising: true
            """;

    static final ProfileCatalog PROFILES = ProfileCatalog.read(new ConfigurationLoader(),
            Map.of("test-pump.yaml", PUMP, "test-ahu.yaml", AHU, "test-meter.yaml", METER));

    static final Site SITE = new Site("test", "Test", SHANGHAI,
            new Site.Calendar(Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), Set.of(NATIONAL_DAY)),
            List.of(device("pump-1", "test-pump"), device("pump-2", "test-pump"), device("pump-3", "test-pump"),
                    device("ahu-1", "test-ahu"), device("meter-1", "test-meter")));

    static final WorkingCalendar CALENDAR = WorkingCalendar.of(SITE);

    static UtilisationProperties properties(Duration staleAfter) {
        return new UtilisationProperties(staleAfter, new UtilisationProperties.Occupied(LocalTime.of(8, 0), LocalTime.of(20, 0)),
                new UtilisationProperties.Idle(7, Duration.ofHours(1), 7, 0.25, 2, 0.05));
    }

    static DataSource database() {
        DriverManagerDataSource data = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(data).load().migrate();
        return data;
    }

    static RunTracker tracker(DataSource data, Duration staleAfter) {
        return new RunTracker(SITE, PROFILES, CALENDAR, properties(staleAfter), new UtilisationRepository(JdbcClient.create(data)));
    }

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }

    private static InstalledDevice device(String id, String profile) {
        return new InstalledDevice(id, profile, id, "Office Tower", "B1", "Plant room", null);
    }

    private TestSite() {
    }
}
