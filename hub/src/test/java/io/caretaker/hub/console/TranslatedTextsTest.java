package io.caretaker.hub.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.caretaker.deviceprofiles.ConfigurationLoader;
import io.caretaker.deviceprofiles.DeviceProfile;
import io.caretaker.deviceprofiles.ProfileCatalog;
import io.caretaker.deviceprofiles.Severity;
import io.caretaker.deviceprofiles.site.Site;
import io.caretaker.hub.alarms.Alarm;
import io.caretaker.hub.alarms.AlarmState;
import io.caretaker.hub.workorders.Tier;
import io.caretaker.hub.workorders.WorkOrder;
import io.caretaker.hub.workorders.WorkOrderKind;
import io.caretaker.hub.workorders.WorkOrderStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The console shows the profiles' texts in the reader's language, and what the site file changed as recorded. */
class TranslatedTextsTest {

    private static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");

    private DeviceProfile ahu;
    private TranslatedTexts texts;

    @BeforeEach
    void site() {
        ConfigurationLoader loader = new ConfigurationLoader();
        ProfileCatalog profiles = ProfileCatalog.readDirectory(loader, Path.of("../device-profiles/profiles"));
        Site site = loader.readSite("site.yaml", """
                formatVersion: 1
                site: {id: t, name: Test, timeZone: Asia/Shanghai}
                devices:
                  - {id: ahu-1, profile: air-handler-basic, name: Air handler AHU-1, building: Tower, connection: {protocol: opcua, endpoint: "opc.tcp://127.0.0.1:1/x"}}
                """, profiles, UnaryOperator.identity());
        ahu = profiles.get("air-handler-basic");
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        texts = new TranslatedTexts(site, profiles, messages);
    }

    @Test
    void anAlarmReadsInTheReadersLanguageUnlessTheSiteChangedItsMessage() {
        String english = ahu.ruleMessage("supply-air-too-hot", Locale.ENGLISH);
        String chinese = ahu.ruleMessage("supply-air-too-hot", Locale.CHINESE);
        assertThat(chinese).isNotEqualTo(english).contains("30 °C");

        assertThat(texts.alarm(alarm(english), Locale.SIMPLIFIED_CHINESE)).isEqualTo(chinese);
        assertThat(texts.alarm(alarm(english), Locale.ENGLISH)).isEqualTo(english);
        // the site file's own words for this device: shown as they were raised, in either language
        assertThat(texts.alarm(alarm("Supply air above 28 °C; call the contractor"), Locale.CHINESE)).isEqualTo("Supply air above 28 °C; call the contractor");
    }

    @Test
    void aWorkOrderKeepsItsDeviceAndPlaceAndTranslatesWhatItOpenedWith() {
        String where = " — ahu-1 (Tower / Roof)";
        WorkOrder corrective = workOrder(WorkOrderKind.CORRECTIVE, "supply-air-too-hot", ahu.ruleMessage("supply-air-too-hot", Locale.ENGLISH) + where);
        WorkOrder preventive = workOrder(WorkOrderKind.PREVENTIVE, "filter-inspection", ahu.maintenanceTask("filter-inspection", Locale.ENGLISH) + where);
        WorkOrder request = workOrder(WorkOrderKind.REQUEST, null, "Leaking tap in the gym");

        assertThat(texts.workOrderTitle(corrective, Locale.CHINESE)).isEqualTo(ahu.ruleMessage("supply-air-too-hot", Locale.CHINESE) + where);
        assertThat(texts.workOrderTitle(preventive, Locale.CHINESE)).isEqualTo(ahu.maintenanceTask("filter-inspection", Locale.CHINESE) + where);
        assertThat(texts.workOrderTitle(corrective, Locale.ENGLISH)).isEqualTo(corrective.title());
        assertThat(texts.workOrderTitle(request, Locale.CHINESE)).isEqualTo("Leaking tap in the gym");
    }

    @Test
    void anIdleReviewNamesItsDeviceAndFindingInOtherLanguagesAndKeepsItsFiguresInEnglish() {
        WorkOrder idle = workOrder(WorkOrderKind.IDLE_REVIEW, "idle-never-ran", "Air handler AHU-1 (ahu-1) has not run for 7 days");

        assertThat(texts.workOrderTitle(idle, Locale.SIMPLIFIED_CHINESE)).isEqualTo("Air handler AHU-1 (ahu-1)：从未运行");
        assertThat(texts.workOrderTitle(idle, Locale.ENGLISH)).isEqualTo("Air handler AHU-1 (ahu-1) has not run for 7 days");
    }

    @Test
    void aRuleIsNamedByItsMessageInTheReadersLanguage() {
        assertThat(texts.rule("ahu-1", "filter-dirty", Locale.CHINESE)).isEqualTo(ahu.ruleMessage("filter-dirty", Locale.CHINESE)).contains("250 Pa");
        assertThat(texts.rule("ahu-1", "filter-dirty", Locale.ENGLISH)).startsWith("Filter pressure drop above 250 Pa");
        assertThat(texts.rule("ahu-1", "no-such-rule", Locale.CHINESE)).isNull();
        assertThat(texts.rule("no-such-device", "filter-dirty", Locale.CHINESE)).isNull();
    }

    @Test
    void aPointIsNamedInTheReadersLanguage() {
        assertThat(texts.point("ahu-1", "supply_air_temperature", Locale.CHINESE)).isEqualTo("送风温度");
        assertThat(texts.point("ahu-1", "supply_air_temperature", Locale.ENGLISH)).isEqualTo("Supply air temperature");
        assertThat(texts.point("no-such-device", "supply_air_temperature", Locale.CHINESE)).isEqualTo("supply_air_temperature");
    }

    private static Alarm alarm(String message) {
        return new Alarm(1, "ahu-1", "supply-air-too-hot", Severity.MAJOR, AlarmState.ACTIVE_UNACKED, message, NOW, NOW, null, 1, null, null);
    }

    private static WorkOrder workOrder(WorkOrderKind kind, String ruleId, String title) {
        return new WorkOrder(1, kind, "ahu-1", ruleId, Tier.MINOR, WorkOrderStatus.OPEN, title, null, null, null, null, null,
                NOW, null, null, null, null, null, null, 1, 0, null, null);
    }
}
