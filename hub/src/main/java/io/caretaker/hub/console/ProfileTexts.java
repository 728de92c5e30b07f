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
import org.springframework.stereotype.Component;

/**
 * The profiles' texts in the reader's language ({@code translations} in a profile) for the console's pages: alarm
 * messages, point names and the text a work order was opened with (a profile's name is {@link DeviceProfile#name(Locale)}).
 * Alarms and work orders keep the English text they were raised with, which the API and webhooks give; the console
 * shows it translated where the profile has a translation, and as recorded where the site file changed the message.
 */
@Component("profileTexts")
class ProfileTexts {

    // no translation is for the root locale: the profile's own (English) text
    private static final Locale OWN = Locale.ROOT;

    private final Site site;
    private final ProfileCatalog profiles;

    ProfileTexts(Site site, ProfileCatalog profiles) {
        this.site = site;
        this.profiles = profiles;
    }

    /** An alarm's message. */
    public String alarm(Alarm alarm, Locale language) {
        return translated(alarm.deviceId(), alarm.message(), p -> p.ruleMessage(alarm.ruleId(), OWN),
                p -> p.ruleMessage(alarm.ruleId(), language));
    }

    /** A device's rule by its message (the site file's own message aside); null when the profile has none. */
    public String rule(String deviceId, String ruleId, Locale language) {
        return profileOf(deviceId).map(p -> p.ruleMessage(ruleId, language)).orElse(null);
    }

    /** A point's name on a device. */
    public String point(String deviceId, String pointId, Locale language) {
        return profileOf(deviceId).map(p -> p.pointName(pointId, language)).orElse(pointId);
    }

    /** A work order's title: the alarm message or maintenance task it opened with in the reader's language, the device and place as they were. */
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
        return title;
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
