package io.caretaker.deviceprofiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A profile's texts in another language: read by the reader's language, English where one is left out, checked against the profile. */
class TranslationTest {

    private final ConfigurationLoader loader = new ConfigurationLoader();

    private static final String PROFILE = """
            formatVersion: 1
            id: test-meter
            name: Test meter
            family: meter
            points:
              - id: voltage
                name: Phase voltage
                unit: V
                kind: number
                bindings:
                  modbus: {table: input-register, address: 0, type: float32}
              - id: current
                name: Phase current
                unit: A
                kind: number
                bindings:
                  modbus: {table: input-register, address: 2, type: float32}
            rules:
              - id: voltage-high
                type: threshold
                point: voltage
                above: 253
                severity: IMPORTANT
                message: Voltage above 253 V; check the supply
              - id: silent
                type: no-data
                after: 2m
                severity: MINOR
                message: The meter stopped reporting
            maintenance:
              - id: terminal-check
                type: calendar
                task: Tighten the terminals
                every: 1y
                lead: 14d
            translations:
              zh:
                name: 测试电表
                points:
                  voltage: 相电压
                rules:
                  voltage-high: 电压高于 253 V；请检查供电
                maintenance:
                  terminal-check: 紧固接线端子
            """;

    @Test
    void eachTextIsInTheReadersLanguageAndInEnglishWhereItIsLeftOut() {
        DeviceProfile meter = loader.readProfile("test-meter.yaml", PROFILE);

        assertThat(meter.name(Locale.CHINESE)).isEqualTo("测试电表");
        assertThat(meter.name(Locale.SIMPLIFIED_CHINESE)).isEqualTo("测试电表");   // zh-CN finds zh
        assertThat(meter.name(Locale.ENGLISH)).isEqualTo("Test meter");
        assertThat(meter.pointName("voltage", Locale.CHINESE)).isEqualTo("相电压");
        assertThat(meter.pointName("current", Locale.CHINESE)).isEqualTo("Phase current");
        assertThat(meter.pointName("voltage", Locale.ENGLISH)).isEqualTo("Phase voltage");
        assertThat(meter.ruleMessage("voltage-high", Locale.CHINESE)).isEqualTo("电压高于 253 V；请检查供电");
        assertThat(meter.ruleMessage("silent", Locale.CHINESE)).isEqualTo("The meter stopped reporting");
        assertThat(meter.ruleMessage("no-such-rule", Locale.CHINESE)).isNull();
        assertThat(meter.maintenanceTask("terminal-check", Locale.CHINESE)).isEqualTo("紧固接线端子");
        assertThat(meter.maintenanceTask("terminal-check", Locale.ENGLISH)).isEqualTo("Tighten the terminals");
    }

    @Test
    void aTranslationOfSomethingTheProfileLacksIsRefusedWithItsLine() {
        String yaml = PROFILE.replace("      voltage: 相电压", "      voltag: 相电压");

        assertThatThrownBy(() -> loader.readProfile("test-meter.yaml", yaml))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("test-meter.yaml:40: translations.zh.points.voltag: translates point 'voltag', which this profile does not have;"
                        + " its points: current, voltage");
    }

    @Test
    void aLanguageThatIsNotATagIsRefused() {
        String yaml = PROFILE.replace("  zh:\n", "  Chinese:\n");

        assertThatThrownBy(() -> loader.readProfile("test-meter.yaml", yaml))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("translations")
                .hasMessageContaining("is not a language tag: write e.g. zh or zh-Hant");
    }
}
