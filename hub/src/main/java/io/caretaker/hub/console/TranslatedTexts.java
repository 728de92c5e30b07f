package io.caretaker.hub.console;

import io.caretaker.deviceprofiles.DeviceProfile;
import io.caretaker.deviceprofiles.ProfileCatalog;
import io.caretaker.deviceprofiles.site.InstalledDevice;
import io.caretaker.deviceprofiles.site.Site;
import io.caretaker.hub.alarms.Alarm;
import io.caretaker.hub.workorders.WorkOrder;
import io.caretaker.hub.workorders.WorkOrderKind;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What alarms and work orders say, in the reader's language, for the console's pages: alarm messages, point names
 * and rules from each profile's {@code translations} (a profile's name is {@link DeviceProfile#name(Locale)}), and the
 * words a work order was opened with. Alarms and work orders keep the English text they were raised with, which the
 * API and webhooks give; the console shows it translated where there is a translation, and as recorded where the
 * site file changed the message.
 */
@Component("texts")
class TranslatedTexts {

    // no translation is for the root locale: the profile's own (English) text
    private static final Locale OWN = Locale.ROOT;

    private final Site site;
    private final ProfileCatalog profiles;
    private final MessageSource messages;

    TranslatedTexts(Site site, ProfileCatalog profiles, MessageSource messages) {
        this.site = site;
        this.profiles = profiles;
        this.messages = messages;
    }

    /** An alarm's message. */
    public String alarm(Alarm alarm, Locale language) {
        return translated(alarm.deviceId(), alarm.message(), p -> p.ruleMessage(alarm.ruleId(), OWN),
                p -> p.ruleMessage(alarm.ruleId(), language));
    }

    /** What a rule of a device says, in the reader's language, from its profile; null when the profile has no such rule. */
    public String rule(String deviceId, String ruleId, Locale language) {
        return profileOf(deviceId).map(p -> p.ruleMessage(ruleId, language)).orElse(null);
    }

    /** A point's name on a device. */
    public String point(String deviceId, String pointId, Locale language) {
        return profileOf(deviceId).map(p -> p.pointName(pointId, language)).orElse(pointId);
    }

    /**
     * A work order's title: the alarm message or maintenance task it opened with in the reader's language, the device
     * and place as they were; an idle review's device and finding; a repair request as it was written.
     */
    public String workOrderTitle(WorkOrder workOrder, Locale language) {
        if (workOrder.ruleId() == null || workOrder.title() == null) {
            return workOrder.title();
        }
        String title = workOrder.title();
        if (workOrder.kind() == WorkOrderKind.CORRECTIVE) {
            return translatedStart(workOrder.deviceId(), title, p -> p.ruleMessage(workOrder.ruleId(), OWN),
                    p -> p.ruleMessage(workOrder.ruleId(), language));
        }
        if (workOrder.kind() == WorkOrderKind.PREVENTIVE) {
            return translatedStart(workOrder.deviceId(), title, p -> p.maintenanceTask(workOrder.ruleId(), OWN),
                    p -> p.maintenanceTask(workOrder.ruleId(), language));
        }
        if (workOrder.kind() == WorkOrderKind.IDLE_REVIEW && !Locale.ENGLISH.getLanguage().equals(language.getLanguage())) {
            // opened in English with the figures ("has not run for 7 days"); other languages name the device and the finding
            String finding = messages.getMessage("finding." + workOrder.ruleId(), null, null, language);
            return finding == null ? title : messages.getMessage("idle.title", new Object[] {deviceLabel(workOrder.deviceId()), finding}, language);
        }
        return title;
    }

    private String deviceLabel(String deviceId) {
        return site.device(deviceId).map(InstalledDevice::name).map(name -> name + " (" + deviceId + ")").orElse(deviceId);
    }

    private String translated(String deviceId, String recorded, Function<DeviceProfile, String> own,
                              Function<DeviceProfile, String> inLanguage) {
        return profileOf(deviceId)
                .filter(p -> recorded != null && recorded.equals(own.apply(p)))   // not a message the site file changed
                .map(inLanguage)
                .orElse(recorded);
    }

    private String translatedStart(String deviceId, String recorded, Function<DeviceProfile, String> own,
                                   Function<DeviceProfile, String> inLanguage) {
        return profileOf(deviceId)
                .filter(p -> own.apply(p) != null && recorded.startsWith(own.apply(p) + " — "))
                .map(p -> inLanguage.apply(p) + recorded.substring(own.apply(p).length()))
                .orElse(recorded);
    }

    private Optional<DeviceProfile> profileOf(String deviceId) {
        return deviceId == null ? Optional.empty() : site.device(deviceId).map(InstalledDevice::profile).flatMap(profiles::find);
    }
}
