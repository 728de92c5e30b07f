package io.caretaker.deviceprofiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfileValidationTest {

    private final ConfigurationLoader loader = new ConfigurationLoader();

    private static final String VALID = """
            formatVersion: 1
            id: test-meter
            name: Test meter
            family: meter
            points:
              - id: voltage
                unit: V
                kind: number
                bindings:
                  modbus: {table: input-register, address: 0, type: float32}
            rules:
              - id: voltage-high
                type: threshold
                point: voltage
                above: 253
                for: 10s
                clear: {below: 250, for: 5s}
                severity: IMPORTANT
              - id: silent
                type: no-data
                after: 2m
                severity: MINOR
            """;

    @Test
    void readsAValidProfileIntoTypedRecords() {
        DeviceProfile profile = loader.readProfile("test-meter.yaml", VALID);

        assertThat(profile.family()).isEqualTo(Family.METER);
        FaultRule.Threshold high = (FaultRule.Threshold) profile.rules().get(0);
        assertThat(high.forDuration()).isEqualTo(Duration.ofSeconds(10));
        assertThat(high.clear().forDuration()).isEqualTo(Duration.ofSeconds(5));
        assertThat(high.raises(254)).isTrue();
        assertThat(high.clears(251)).isFalse();
        assertThat(high.clears(249)).isTrue();
        assertThat(((FaultRule.NoData) profile.rules().get(1)).after()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void aMisspelledFieldIsNamedWithItsLine() {
        String yaml = VALID.replace("    unit: V", "    unti: V");

        assertThatThrownBy(() -> loader.readProfile("test-meter.yaml", yaml))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("test-meter.yaml:7: points[0].unti: is not a known field");
    }

    @Test
    void aMissingRequiredFieldIsNamedWithItsLine() {
        String yaml = VALID.replace("    kind: number\n", "");

        assertThatThrownBy(() -> loader.readProfile("test-meter.yaml", yaml))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("test-meter.yaml:6: points[0].kind: is missing but required");
    }

    @Test
    void aWrongEnumValueIsNamed() {
        String yaml = VALID.replace("severity: IMPORTANT", "severity: CRITICAL");

        assertThatThrownBy(() -> loader.readProfile("test-meter.yaml", yaml))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("test-meter.yaml:18: rules[0].severity: 'CRITICAL' is not one of LIFE_SAFETY, MAJOR, IMPORTANT, MINOR");
    }

    @Test
    void aRuleOnAnUnknownPointIsNamed() {
        String yaml = VALID.replace("point: voltage", "point: voltage_l9");

        assertThatThrownBy(() -> loader.readProfile("test-meter.yaml", yaml))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("test-meter.yaml:14: rules[0].point: names point 'voltage_l9'");
    }

    @Test
    void aClearConditionThatNeverHoldsIsRefused() {
        String yaml = VALID.replace("clear: {below: 250", "clear: {below: 260");

        assertThatThrownBy(() -> loader.readProfile("test-meter.yaml", yaml))
                .hasMessageContaining("rules[0].clear.below: clears below 260.0");
    }

    @Test
    void brokenYamlIsReportedWithItsLine() {
        String yaml = VALID.replace("    kind: number", "    kind: [number");

        assertThatThrownBy(() -> loader.readProfile("test-meter.yaml", yaml))
                .hasMessageContaining("test-meter.yaml:")
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void aProfileWhoseIdDiffersFromItsFileNameIsRefused() {
        assertThatThrownBy(() -> ProfileCatalog.read(loader, Map.of("other-name.yaml", VALID)))
                .hasMessageContaining("other-name.yaml:2: id: is 'test-meter' but the file is named other-name.yaml");
    }
}
