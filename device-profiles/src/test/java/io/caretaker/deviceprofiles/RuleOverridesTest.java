package io.caretaker.deviceprofiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caretaker.deviceprofiles.site.Site;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Rule parameters overridden per site and per device, and overrides that do not fit refused with file, line and field. */
class RuleOverridesTest {

    private final ConfigurationLoader loader = new ConfigurationLoader();
    private final ProfileCatalog profiles = ProfileCatalog.read(loader, Map.of("test-meter.yaml", """
            formatVersion: 1
            id: test-meter
            name: Test meter
            family: meter
            points:
              - {id: voltage, unit: V, kind: number, bindings: {mqtt: {path: /v}}}
              - {id: water_volume, unit: m3, kind: number, bindings: {mqtt: {path: /w}}}
              - {id: model, kind: text, bindings: {mqtt: {path: /m}}}
            mqtt:
              topics: ["meter/{id}"]
            rules:
              - id: voltage-high
                type: threshold
                point: voltage
                above: 253
                for: 10s
                clear: {below: 250, for: 10s}
                severity: IMPORTANT
              - id: night-flow
                type: rate-of-change
                point: water_volume
                rise: 0.05
                window: 1h
                schedule: {from: "01:00", to: "05:00"}
                severity: IMPORTANT
              - id: silent
                type: no-data
                after: 2m
                severity: MINOR
            """));

    private static final String SITE = """
            formatVersion: 1
            site:
              id: tower
              name: Office tower
              overrides:
                test-meter:
                  voltage-high: {above: 245, clear: {below: 242}}
                  night-flow: {schedule: {from: "00:00", to: "06:00"}}
            devices:
              - id: meter-1
                profile: test-meter
                building: Tower A
                connection: {protocol: mqtt, broker: "tcp://127.0.0.1:1883"}
                overrides:
                  voltage-high: {for: 1m}
                  silent: {after: 10m}
              - id: meter-2
                profile: test-meter
                building: Tower B
                connection: {protocol: mqtt, broker: "tcp://127.0.0.1:1883"}
            """;

    @Test
    void aDeviceRunsTheProfilesRulesWithTheSitesThenItsOwnOverridesLaidOver() {
        Site site = loader.readSite("site.yaml", SITE, profiles, UnaryOperator.identity());
        DeviceProfile profile = profiles.get("test-meter");

        List<FaultRule> meter1 = RuleOverrides.rulesOf(site, site.device("meter-1").orElseThrow(), profile);
        List<FaultRule> meter2 = RuleOverrides.rulesOf(site, site.device("meter-2").orElseThrow(), profile);

        FaultRule.Threshold high1 = (FaultRule.Threshold) meter1.get(0);
        assertThat(high1.above()).isEqualTo(245.0); // the site's
        assertThat(high1.forDuration()).isEqualTo(Duration.ofMinutes(1)); // the device's
        assertThat(high1.clear()).isEqualTo(new FaultRule.Threshold.Clear(null, 242.0, Duration.ofSeconds(10))); // for kept from the profile
        assertThat(high1.id()).isEqualTo("voltage-high");
        assertThat(((FaultRule.NoData) meter1.get(2)).after()).isEqualTo(Duration.ofMinutes(10));

        FaultRule.Threshold high2 = (FaultRule.Threshold) meter2.get(0);
        assertThat(high2.above()).isEqualTo(245.0);
        assertThat(high2.forDuration()).isEqualTo(Duration.ofSeconds(10));
        assertThat(meter2.get(1).schedule().to()).isEqualTo(java.time.LocalTime.of(6, 0));
        assertThat(meter2.get(2)).isEqualTo(profile.rules().get(2)); // untouched
    }

    @Test
    void anOverrideOfARuleTheProfileDoesNotHaveIsRefused() {
        String yaml = SITE.replace("      silent: {after: 10m}", "      quiet: {after: 10m}");

        assertThatThrownBy(() -> loader.readSite("site.yaml", yaml, profiles, UnaryOperator.identity()))
                .hasMessageContaining("site.yaml:16: devices[0].overrides.quiet: profile 'test-meter' has no rule 'quiet';"
                        + " its rules: voltage-high, night-flow, silent");
    }

    @Test
    void anOverrideOfAFieldTheRuleTypeDoesNotHaveIsRefused() {
        String yaml = SITE.replace("silent: {after: 10m}", "silent: {after: 10m, above: 3}");

        assertThatThrownBy(() -> loader.readSite("site.yaml", yaml, profiles, UnaryOperator.identity()))
                .hasMessageContaining("site.yaml:16: devices[0].overrides.silent.above: is not a field of this rule type");
    }

    @Test
    void anOverrideWithAValueOfTheWrongTypeIsRefusedAtItsLine() {
        String yaml = SITE.replace("voltage-high: {for: 1m}", "voltage-high: {for: a minute}");

        assertThatThrownBy(() -> loader.readSite("site.yaml", yaml, profiles, UnaryOperator.identity()))
                .hasMessageContaining("site.yaml:15: devices[0].overrides.voltage-high.for: 'a minute' is not a duration: write e.g."
                        + " 500ms, 30s, 15m, 2h, 1d or ISO-8601 PT15M");
    }

    @Test
    void anOverrideThatMakesTheRuleUnableToStayRaisedIsRefused() {
        String yaml = SITE.replace("voltage-high: {for: 1m}", "voltage-high: {above: 240}");

        assertThatThrownBy(() -> loader.readSite("site.yaml", yaml, profiles, UnaryOperator.identity()))
                .hasMessageContaining("site.yaml:15: devices[0].overrides.voltage-high.clear.below: clears below 242.0,"
                        + " which is above the raise limit 240.0");
    }

    @Test
    void theIdAndTypeOfARuleCannotBeOverridden() {
        String yaml = SITE.replace("silent: {after: 10m}", "silent: {type: threshold}");

        assertThatThrownBy(() -> loader.readSite("site.yaml", yaml, profiles, UnaryOperator.identity()))
                .hasMessageContaining("devices[0].overrides.silent.type: cannot be overridden");
    }

    @Test
    void siteOverridesForAnUnknownProfileAreRefused() {
        String yaml = SITE.replace("    test-meter:\n", "    test-metre:\n");

        assertThatThrownBy(() -> loader.readSite("site.yaml", yaml, profiles, UnaryOperator.identity()))
                .hasMessageContaining("site.yaml:6: site.overrides.test-metre: no profile 'test-metre'");
    }
}
