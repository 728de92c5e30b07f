package io.caretaker.deviceprofiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import org.junit.jupiter.api.Test;

/** The utilisation and maintenance sections of a profile: read into records, and every mistake named with its line. */
class UtilisationProfileTest {

    private final ConfigurationLoader loader = new ConfigurationLoader();

    private static final String PUMP = """
            formatVersion: 1
            id: test-pump
            name: Test pump
            family: hvac
            points:
              - id: run_status
                kind: boolean
                bindings:
                  modbus: {table: coil, address: 0}
              - id: motor_current
                unit: A
                kind: number
                bindings:
                  modbus: {table: input-register, address: 0}
              - id: stroke_count
                kind: number
                bindings:
                  modbus: {table: input-register, address: 2, type: uint32}
            utilisation:
              runningPoint: run_status
              occupiedOnly: true
            maintenance:
              - id: seal-check
                type: calendar
                task: Check the pump seal
                every: 6mo
                lead: 14d
              - id: bearing-grease
                type: run-hours
                task: Grease the bearings
                every: 4000
                lead: 200
                severity: IMPORTANT
              - id: valve-service
                type: count
                task: Service the valve
                point: stroke_count
                every: 100000
                lead: 5000
              - id: starter-check
                type: count
                task: Check the starter
                point: starts
                every: 3000
            """;

    @Test
    void readsUtilisationAndEveryKindOfPlan() {
        DeviceProfile pump = loader.readProfile("test-pump.yaml", PUMP);

        assertThat(pump.utilisation()).isEqualTo(new Utilisation("run_status", null, false, true));
        MaintenancePlan.Calendar seal = (MaintenancePlan.Calendar) pump.maintenance().get(0);
        assertThat(seal.period()).isEqualTo(Period.ofMonths(6));
        assertThat(seal.lead()).isEqualTo(Duration.ofDays(14));
        assertThat(seal.severity()).isEqualTo(Severity.MINOR);
        assertThat(pump.maintenance().get(1)).isEqualTo(new MaintenancePlan.RunHours("bearing-grease", "Grease the bearings", 4000, 200, Severity.IMPORTANT));
        assertThat(((MaintenancePlan.Count) pump.maintenance().get(2)).countsStarts()).isFalse();
        assertThat(((MaintenancePlan.Count) pump.maintenance().get(3)).countsStarts()).isTrue();
    }

    @Test
    void aProfileWithoutThemHasNoPlansAndNoUtilisation() {
        DeviceProfile meter = ProfileCatalog.readDirectory(loader, Path.of("profiles")).get("energy-meter-sdm630");

        assertThat(meter.utilisation()).isNull();
        assertThat(meter.maintenance()).isEmpty();
    }

    @Test
    void theShippedAirHandlerDeclaresItsRunStatusAndPlans() {
        DeviceProfile ahu = ProfileCatalog.readDirectory(loader, Path.of("profiles")).get("air-handler-basic");

        assertThat(ahu.utilisation().runningPoint()).isEqualTo("fan_status");
        assertThat(ahu.maintenance()).extracting(MaintenancePlan::id).containsExactly("filter-inspection", "fan-belt-check", "fan-contactor-check");
    }

    @Test
    void aRunningPointThatIsNotThereIsNamed() {
        assertThatThrownBy(() -> loader.readProfile("test-pump.yaml", PUMP.replace("runningPoint: run_status", "runningPoint: run_state")))
                .hasMessageContaining("test-pump.yaml:20: utilisation.runningPoint: names point 'run_state', which this profile does not have");
    }

    @Test
    void aNumberRunningPointMustSayWhenItMeansRunning() {
        assertThatThrownBy(() -> loader.readProfile("test-pump.yaml", PUMP.replace("runningPoint: run_status", "runningPoint: motor_current")))
                .hasMessageContaining("test-pump.yaml:20: utilisation.runningPoint: point 'motor_current' is a number; say when it means running with exactly one of runningAbove");
        DeviceProfile byCurrent = loader.readProfile("test-pump.yaml",
                PUMP.replace("runningPoint: run_status", "runningPoint: motor_current\n  runningAbove: 0.5"));
        assertThat(byCurrent.utilisation().runningAbove()).isEqualTo(0.5);
    }

    @Test
    void aPlanMistakeIsNamedWithItsLine() {
        assertThatThrownBy(() -> loader.readProfile("test-pump.yaml", PUMP.replace("every: 6mo", "every: 6 months")))
                .hasMessageContaining("test-pump.yaml:26: maintenance[0].every:");
        assertThatThrownBy(() -> loader.readProfile("test-pump.yaml", PUMP.replace("point: stroke_count", "point: strokes")))
                .hasMessageContaining("test-pump.yaml:37: maintenance[2].point: names point 'strokes', which this profile does not have; name a counter point or 'starts'");
        assertThatThrownBy(() -> loader.readProfile("test-pump.yaml", PUMP.replace("lead: 200", "lead: 4000")))
                .hasMessageContaining("test-pump.yaml:32: maintenance[1].lead: lead 4000.0 is not less than every 4000.0");
        String withoutUtilisation = PUMP.replace("utilisation:\n  runningPoint: run_status\n  occupiedOnly: true\n", "");
        assertThatThrownBy(() -> loader.readProfile("test-pump.yaml", withoutUtilisation))
                .hasMessageContaining("maintenance[1].type: a run-hours plan needs the profile's utilisation section")
                .hasMessageContaining("maintenance[3].point: counting starts needs the profile's utilisation section");
    }
}
