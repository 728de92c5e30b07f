package io.caretaker.deviceprofiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caretaker.deviceprofiles.site.InstalledDevice;
import io.caretaker.deviceprofiles.site.Site;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A device's rules as they run on its site: the profile's rules with the site's overrides for that profile laid
 * over them, then the device's own. An override changes some of a rule's fields (a limit, a delay, one field of
 * {@code clear}) and keeps the rest; it never changes a rule's id or type.
 */
public final class RuleOverrides {

    static final Set<String> FIXED = Set.of("id", "type");
    private static final ObjectMapper MAPPER = ConfigurationLoader.newMapper();

    private RuleOverrides() {
    }

    /**
     * @throws IllegalArgumentException when an override does not fit its rule; a site file read by
     *     {@link ConfigurationLoader} has been checked already, with file, line and field
     */
    public static List<FaultRule> rulesOf(Site site, InstalledDevice device, DeviceProfile profile) {
        Map<String, Map<String, Object>> forProfile = site.overrides().getOrDefault(profile.id(), Map.of());
        List<FaultRule> rules = new ArrayList<>();
        for (FaultRule rule : profile.rules()) {
            Map<String, Object> siteOverride = forProfile.get(rule.id());
            Map<String, Object> deviceOverride = device.overrides().get(rule.id());
            if (siteOverride == null && deviceOverride == null) {
                rules.add(rule);
                continue;
            }
            try {
                rules.add(MAPPER.treeToValue(merged(rule, siteOverride, deviceOverride), FaultRule.class));
            } catch (Exception e) {
                throw new IllegalArgumentException("device " + device.id() + ": the overrides of rule " + rule.id()
                        + " do not fit it: " + e.getMessage(), e);
            }
        }
        return rules;
    }

    /** The rule as JSON, as a profile would state it. */
    static ObjectNode asJson(FaultRule rule) {
        return MAPPER.valueToTree(rule);
    }

    static ObjectNode merged(FaultRule rule, Map<String, Object> siteOverride, Map<String, Object> deviceOverride) {
        ObjectNode json = asJson(rule);
        if (siteOverride != null) {
            mergeInto(json, MAPPER.valueToTree(siteOverride));
        }
        if (deviceOverride != null) {
            mergeInto(json, MAPPER.valueToTree(deviceOverride));
        }
        return json;
    }

    /** Lays {@code override} over {@code target}: objects field by field, anything else replaced. */
    static void mergeInto(ObjectNode target, JsonNode override) {
        override.fields().forEachRemaining(field -> {
            if (FIXED.contains(field.getKey())) {
                return;
            }
            JsonNode existing = target.get(field.getKey());
            if (existing instanceof ObjectNode existingObject && field.getValue().isObject()) {
                mergeInto(existingObject, field.getValue());
            } else {
                target.set(field.getKey(), field.getValue().deepCopy());
            }
        });
    }
}
