package io.caretaker.deviceprofiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpressionRuleTest {

    private final ConfigurationLoader loader = new ConfigurationLoader();

    private static final String PROFILE = """
            formatVersion: 1
            id: test-ahu
            name: Test air handler
            family: hvac
            points:
              - id: supply_air_temperature
                kind: number
                bindings:
                  opcua: {nodeId: "ns=1;s=SAT"}
              - id: supply_air_setpoint
                kind: number
                bindings:
                  opcua: {nodeId: "ns=1;s=SATSP"}
              - id: fan_status
                kind: boolean
                bindings:
                  opcua: {nodeId: "ns=1;s=FAN"}
            rules:
              - id: supply-air-off-setpoint
                type: expression
                when: "fan_status and #abs(supply_air_temperature - supply_air_setpoint) > sensor_error + tolerance"
                parameters: {sensor_error: 0.5, tolerance: 1.5}
                for: 5m
                clear: {for: 2m}
                severity: IMPORTANT
                message: Supply air is off its setpoint
            """;

    @Test
    void readsAnExpressionRuleWithItsParametersAndDelays() {
        DeviceProfile profile = loader.readProfile("test-ahu.yaml", PROFILE);

        FaultRule.Expression rule = (FaultRule.Expression) profile.rules().get(0);
        assertThat(rule.parameters()).containsEntry("sensor_error", 0.5).containsEntry("tolerance", 1.5);
        assertThat(rule.forDuration()).isEqualTo(Duration.ofMinutes(5));
        assertThat(rule.clearDelay()).isEqualTo(Duration.ofMinutes(2));
        assertThat(rule.clear().when()).isNull();
    }

    @Test
    void anExpressionWeighsSeveralPointsAndItsParameters() {
        RuleExpression when = RuleExpression.parse(
                "fan_status and #abs(supply_air_temperature - supply_air_setpoint) > sensor_error + tolerance");
        Map<String, Object> parameters = Map.of("sensor_error", 0.5, "tolerance", 1.5);

        assertThat(when.names()).containsExactly("fan_status", "supply_air_temperature", "supply_air_setpoint", "sensor_error", "tolerance");
        assertThat(when.test(with(parameters, true, 15.0, 12.9))).isTrue();
        assertThat(when.test(with(parameters, true, 9.9, 12.0))).isTrue();
        assertThat(when.test(with(parameters, true, 14.0, 12.9))).isFalse();
        assertThat(when.test(with(parameters, false, 30.0, 12.9))).isFalse();
        assertThat(RuleExpression.parse("#max(a, b) >= 3 and #min(a, b) < 2 and not (a == b) ? true : false")
                .test(Map.of("a", 1.0, "b", 3.0))).isTrue();
    }

    @Test
    void lowestAndHighestNameTheirPointAndReadItsRecentReadings() {
        RuleExpression when = RuleExpression.parse(
                "supply_air_temperature > #highest('mixed_air_temperature', memory * 100 / fan_speed) + 1");
        RuleExpression.Recent recent = new RuleExpression.Recent() {
            @Override
            public double lowest(String point, double minutes) {
                throw new AssertionError("not asked");
            }

            @Override
            public double highest(String point, double minutes) {
                return point.equals("mixed_air_temperature") && minutes == 150 ? 20 : Double.NaN;
            }
        };
        Map<String, Object> values = Map.of("supply_air_temperature", 20.5, "mixed_air_temperature", 14.0, "memory", 15.0, "fan_speed", 10.0);

        assertThat(when.names()).containsExactly("supply_air_temperature", "mixed_air_temperature", "memory", "fan_speed");
        assertThat(when.recentPoints()).containsExactly("mixed_air_temperature");
        assertThat(when.test(values, recent)).isFalse(); // 20.5 is no warmer than the 20 the coil had within 150 minutes
        assertThat(when.test(values)).isTrue(); // without history, only the latest reading: 14
    }

    @Test
    void lowestAndHighestTakeAQuotedNumberPoint() {
        assertThatThrownBy(() -> RuleExpression.parse("#lowest(supply_air_temperature, 15) < 3"))
                .hasMessageContaining("calls #lowest without a point id in quotes and a number of minutes");
        String yaml = PROFILE.replace("#abs(supply_air_temperature - supply_air_setpoint)",
                "#abs(supply_air_temperature - #lowest('fan_status', 15))");

        assertThatThrownBy(() -> loader.readProfile("test-ahu.yaml", yaml))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("rules[0].when: takes the lowest or highest of 'fan_status', a boolean point");
        String misspelt = PROFILE.replace("#abs(supply_air_temperature - supply_air_setpoint)",
                "#abs(supply_air_temperature - #highest('supply_air_setpont', 15))");
        assertThatThrownBy(() -> loader.readProfile("test-ahu.yaml", misspelt))
                .hasMessageContaining("names 'supply_air_setpont', which is neither a point");
    }

    @Test
    void parametersCanBeSetOtherwiseForOneDeviceButNotInvented() {
        FaultRule.Expression rule = (FaultRule.Expression) loader.readProfile("test-ahu.yaml", PROFILE).rules().get(0);

        FaultRule.Expression site = rule.withParameters(Map.of("tolerance", 3.0, "unknown_parameter", 9.0));

        assertThat(site.parameters()).containsOnly(Map.entry("sensor_error", 0.5), Map.entry("tolerance", 3.0));
    }

    @Test
    void anUnknownPointStopsStartUpWithFileLineAndField() {
        String yaml = PROFILE.replace("#abs(supply_air_temperature", "#abs(supply_air_temprature");

        assertThatThrownBy(() -> loader.readProfile("test-ahu.yaml", yaml))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("test-ahu.yaml:21: rules[0].when: names 'supply_air_temprature', which is neither a point"
                        + " of this profile nor a parameter of the rule; known points:")
                .hasMessageContaining("parameters: ");
    }

    @Test
    void anExpressionThatDoesNotParseIsRefusedWithWhere() {
        String yaml = PROFILE.replace("> sensor_error + tolerance", "> > sensor_error");

        assertThatThrownBy(() -> loader.readProfile("test-ahu.yaml", yaml))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("test-ahu.yaml:21: rules[0].when: is not a valid expression");
    }

    @Test
    void anythingBeyondPointsParametersAndArithmeticIsRefused() {
        for (String escape : new String[] {
                "T(java.lang.Runtime).getRuntime().exec('rm') != null",
                "supply_air_temperature.class != null",
                "new java.io.File('x') != null",
                "@someBean != null",
                "#root != null",
                "(supply_air_setpoint = 3) > 1",
                "#exit(1) > 0",
                "'x' matches 'x+'"}) {
            String yaml = PROFILE.replace("\"fan_status and #abs(supply_air_temperature - supply_air_setpoint) > sensor_error + tolerance\"",
                    "\"" + escape + "\"").replace("parameters: {sensor_error: 0.5, tolerance: 1.5}", "");

            assertThatThrownBy(() -> loader.readProfile("test-ahu.yaml", yaml)).as(escape)
                    .isInstanceOf(InvalidConfigurationException.class)
                    .hasMessageContaining("rules[0].when: ");
        }
    }

    @Test
    void aBooleanPointComparedWithANumberIsFoundAtStartUp() {
        String yaml = PROFILE.replace("fan_status and", "fan_status > 0.5 and");

        assertThatThrownBy(() -> loader.readProfile("test-ahu.yaml", yaml))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("rules[0].when: does not give true or false for every reading");
    }

    @Test
    void anExpressionThatIsNotAConditionIsRefused() {
        String yaml = PROFILE.replace("\"fan_status and #abs(supply_air_temperature - supply_air_setpoint) > sensor_error + tolerance\"",
                "\"supply_air_temperature - supply_air_setpoint + sensor_error + tolerance\"");

        assertThatThrownBy(() -> loader.readProfile("test-ahu.yaml", yaml))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("rather than true or false");
    }

    @Test
    void theOnlyConditionIsCheckedLikeTheOthers() {
        String yaml = PROFILE.replace("    parameters: {sensor_error", "    only: \"fan_staus\"\n    parameters: {sensor_error");

        assertThatThrownBy(() -> loader.readProfile("test-ahu.yaml", yaml))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("test-ahu.yaml:22: rules[0].only: names 'fan_staus'");
    }

    @Test
    void aSettleTimeNeedsTheStateItSettles() {
        String yaml = PROFILE.replace("    parameters: {sensor_error", "    settle: 15m\n    parameters: {sensor_error");

        assertThatThrownBy(() -> loader.readProfile("test-ahu.yaml", yaml))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("test-ahu.yaml:22: rules[0].settle: settles the state given by only, and the rule has no only");
    }

    @Test
    void aParameterTheConditionsDoNotUseIsNamed() {
        String yaml = PROFILE.replace("tolerance: 1.5}", "tolerance: 1.5, tolerence: 2}");

        assertThatThrownBy(() -> loader.readProfile("test-ahu.yaml", yaml))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("test-ahu.yaml:22: rules[0].parameters.tolerence: is not used by the rule's conditions");
    }

    @Test
    void theClearConditionIsCheckedLikeTheRaiseCondition() {
        String yaml = PROFILE.replace("clear: {for: 2m}", "clear: {when: \"supply_air_temp < 3\", for: 2m}");

        assertThatThrownBy(() -> loader.readProfile("test-ahu.yaml", yaml))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("rules[0].clear.when: names 'supply_air_temp'");
    }

    private static Map<String, Object> with(Map<String, Object> parameters, boolean fan, double sat, double setpoint) {
        Map<String, Object> values = new java.util.HashMap<>(parameters);
        values.put("fan_status", fan);
        values.put("supply_air_temperature", sat);
        values.put("supply_air_setpoint", setpoint);
        return values;
    }
}
