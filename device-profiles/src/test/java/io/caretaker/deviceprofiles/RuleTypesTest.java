package io.caretaker.deviceprofiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every rule type reads from YAML into its record, and a rule that cannot work is refused with file, line and field. */
class RuleTypesTest {

    private final ConfigurationLoader loader = new ConfigurationLoader();

    private static final String PROFILE = """
            formatVersion: 1
            id: test-ahu
            name: Test air handler
            family: hvac
            mqtt:
              topics: ["ahu/{id}"]
              events:
                - type: fire-alarm
                  phase: {path: /q, map: {"1": new, "3": end}}
                  id: [/zone]
                - type: filter-alarm
            points:
              - id: supply_air_temperature
                kind: number
                bindings: {mqtt: {path: /sat}}
              - id: water_volume
                kind: number
                bindings: {mqtt: {path: /vol}}
              - id: fan_command
                kind: boolean
                bindings: {mqtt: {path: /cmd}}
              - id: fan_status
                kind: boolean
                bindings: {mqtt: {path: /sts}}
              - id: mode
                kind: text
                bindings: {mqtt: {path: /mode}}
            rules:
              - id: supply-air-too-hot
                type: threshold
                point: supply_air_temperature
                above: 30
                deadband: 2
                for: 15s
                clear: {for: 1m}
                schedule: {days: working, from: 08:00, to: "18:00"}
                suppressWhen: {point: fan_status, is: false, settle: 10m}
                severity: MAJOR
              - id: supply-air-stuck
                type: flat-line
                point: supply_air_temperature
                tolerance: 0.05
                window: 2h
                severity: MINOR
              - id: supply-air-jumps
                type: rate-of-change
                point: supply_air_temperature
                rise: 5
                window: 1m
                severity: MINOR
              - id: supply-air-glitch
                type: spike
                point: supply_air_temperature
                jump: 10
                severity: MINOR
              - id: fan-failed
                type: command-feedback
                command: fan_command
                feedback: fan_status
                for: 30s
                severity: MAJOR
              - id: meter-went-back
                type: counter-backwards
                point: water_volume
                tolerance: 0.01
                clearAfter: 1d
                severity: IMPORTANT
              - id: night-flow
                type: rate-of-change
                point: water_volume
                rise: 0.05
                window: 1h
                schedule: {from: 01:00, to: 05:00}
                severity: IMPORTANT
              - id: fire
                type: event
                event: fire-alarm
                where: {zone: ["005", "006"]}
                severity: LIFE_SAFETY
              - id: filter
                type: event
                event: filter-alarm
                clearAfter: 10m
                severity: MINOR
              - id: fan-short-cycling
                type: starts
                point: fan_status
                max: 6
                within: 1h
                severity: IMPORTANT
            """;

    @Test
    void readsEveryRuleTypeIntoItsRecord() {
        List<FaultRule> rules = loader.readProfile("test-ahu.yaml", PROFILE).rules();

        FaultRule.Threshold hot = (FaultRule.Threshold) rules.get(0);
        assertThat(hot.deadband()).isEqualTo(2.0);
        assertThat(hot.clearDelay()).isEqualTo(Duration.ofMinutes(1));
        assertThat(hot.clears(28.5)).isFalse();
        assertThat(hot.clears(28.0)).isTrue();
        assertThat(hot.schedule()).isEqualTo(new FaultRule.Schedule(FaultRule.Schedule.Days.WORKING, LocalTime.of(8, 0), LocalTime.of(18, 0)));
        assertThat(hot.suppressWhen()).isEqualTo(new FaultRule.SuppressWhen("fan_status", false, null, null, Duration.ofMinutes(10)));
        assertThat(hot.suppressWhen().suppresses(0)).isTrue();
        assertThat(hot.suppressWhen().suppresses(1)).isFalse();
        assertThat(rules.get(1)).isEqualTo(new FaultRule.FlatLine("supply-air-stuck", "supply_air_temperature", 0.05,
                Duration.ofHours(2), Severity.MINOR, null, null, null));
        assertThat(((FaultRule.RateOfChange) rules.get(2)).rise()).isEqualTo(5.0);
        assertThat(((FaultRule.Spike) rules.get(3)).clearAfter()).isEqualTo(Duration.ofHours(1));
        assertThat(((FaultRule.CommandFeedback) rules.get(4)).forDuration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(((FaultRule.CounterBackwards) rules.get(5)).clearAfter()).isEqualTo(Duration.ofDays(1));
        assertThat(rules.get(6).schedule().days()).isEqualTo(FaultRule.Schedule.Days.EVERY_DAY);
        FaultRule.Event fire = (FaultRule.Event) rules.get(7);
        assertThat(fire.matches("fire-alarm", Map.of("zone", "005"))).isTrue();
        assertThat(fire.matches("fire-alarm", Map.of("zone", "007"))).isFalse();
        assertThat(fire.matches("fire-trouble", Map.of("zone", "005"))).isFalse();
        assertThat(((FaultRule.Event) rules.get(8)).clearAfter()).isEqualTo(Duration.ofMinutes(10));
        assertThat(rules.get(9)).isEqualTo(new FaultRule.Starts("fan-short-cycling", "fan_status", 6, Duration.ofHours(1),
                Severity.IMPORTANT, null));
    }

    @Test
    void aRuleOnATextPointIsRefused() {
        String yaml = PROFILE.replace("point: supply_air_temperature\n    tolerance", "point: mode\n    tolerance");

        assertThatThrownBy(() -> loader.readProfile("test-ahu.yaml", yaml))
                .hasMessageContaining("test-ahu.yaml:41: rules[1].point: point 'mode' is text; this needs a number point");
    }

    @Test
    void aCommandFeedbackRuleNamingAnUnknownPointIsRefused() {
        String yaml = PROFILE.replace("feedback: fan_status", "feedback: fan_state");

        assertThatThrownBy(() -> loader.readProfile("test-ahu.yaml", yaml))
                .hasMessageContaining("rules[4].feedback: names point 'fan_state', which this profile does not have");
    }

    @Test
    void anEventTheDeviceDoesNotSendIsRefused() {
        String yaml = PROFILE.replace("event: fire-alarm", "event: fire-alrm");

        assertThatThrownBy(() -> loader.readProfile("test-ahu.yaml", yaml))
                .hasMessageContaining("rules[7].event: names event 'fire-alrm', which this profile's mqtt.events do not declare;"
                        + " known events: fire-alarm, filter-alarm");
    }

    @Test
    void theConnectorsOwnEventsNeedNoDeclaration() {
        String yaml = PROFILE.replace("event: filter-alarm", "event: connection-lost");

        assertThat(((FaultRule.Event) loader.readProfile("test-ahu.yaml", yaml).rules().get(8)).event()).isEqualTo("connection-lost");
    }

    @Test
    void anEventWithoutRestoreNeedsClearAfter() {
        String yaml = PROFILE.replace("    clearAfter: 10m\n", "");

        assertThatThrownBy(() -> loader.readProfile("test-ahu.yaml", yaml))
                .hasMessageContaining("rules[8]: event 'filter-alarm' has no phase, so no restore message ends it; add clearAfter");
    }

    @Test
    void anEventWithoutRestoreCannotWaitToStayOpen() {
        String yaml = PROFILE.replace("    clearAfter: 10m\n", "    clearAfter: 10m\n    for: 4h\n");

        assertThatThrownBy(() -> loader.readProfile("test-ahu.yaml", yaml))
                .hasMessageContaining("rules[8].for: event 'filter-alarm' has no phase, so it is never seen to stay without a restore");
    }

    @Test
    void suppressionByABooleanNeedsABooleanPoint() {
        String yaml = PROFILE.replace("suppressWhen: {point: fan_status", "suppressWhen: {point: water_volume");

        assertThatThrownBy(() -> loader.readProfile("test-ahu.yaml", yaml))
                .hasMessageContaining("rules[0].suppressWhen.point: point 'water_volume' is number; this needs a boolean point");
    }

    @Test
    void aScheduleNeedsTimesOfDayAndAWindow() {
        assertThatThrownBy(() -> loader.readProfile("test-ahu.yaml", PROFILE.replace("to: \"18:00\"", "to: \"8pm\"")))
                .hasMessageContaining("rules[0].schedule.to:");
        assertThatThrownBy(() -> loader.readProfile("test-ahu.yaml", PROFILE.replace("to: \"18:00\"", "to: \"08:00\"")))
                .hasMessageContaining("rules[0].schedule.to: equals from, so the window is empty");
    }

    @Test
    void deadbandAndClearLimitsTogetherAreRefused() {
        String yaml = PROFILE.replace("clear: {for: 1m}", "clear: {below: 27, for: 1m}");

        assertThatThrownBy(() -> loader.readProfile("test-ahu.yaml", yaml))
                .hasMessageContaining("rules[0].deadband: is ignored because clear names its own limits");
    }

    @Test
    void aRateOfChangeNeedsARiseOrAFall() {
        String yaml = PROFILE.replace("    rise: 5\n", "");

        assertThatThrownBy(() -> loader.readProfile("test-ahu.yaml", yaml))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("rules[2]");
    }

    @Test
    void aStartsRuleNeedsARunningStatusAndItsLimits() {
        assertThatThrownBy(() -> loader.readProfile("test-ahu.yaml", PROFILE.replace("point: fan_status\n    max", "point: water_volume\n    max")))
                .hasMessageContaining("rules[9].point: point 'water_volume' is number; this needs a boolean point");
        assertThatThrownBy(() -> loader.readProfile("test-ahu.yaml", PROFILE.replace("    within: 1h\n", "")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("rules[9]");
        assertThatThrownBy(() -> loader.readProfile("test-ahu.yaml", PROFILE.replace("max: 6", "max: 0")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("rules[9].max");
    }
}
