package io.caretaker.deviceprofiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks a site file's rule overrides (per profile under {@code site.overrides}, per device under a device's
 * {@code overrides}): each names a rule the profile has, and the rule with the override laid over it is still a
 * valid rule — by the profile schema and the same checks as in a profile — reported at the override's line.
 */
final class OverrideChecks {

    private OverrideChecks() {
    }

    static List<ConfigurationProblem> check(YamlDocument doc, ProfileCatalog profiles,
                                            Function<JsonNode, Map<String, String>> ruleSchemaProblems) {
        List<ConfigurationProblem> problems = new ArrayList<>();
        JsonNode siteOverrides = doc.root().path("site").path("overrides");
        siteOverrides.fields().forEachRemaining(byProfile -> {
            String at = "/site/overrides/" + byProfile.getKey();
            DeviceProfile profile = profiles.find(byProfile.getKey()).orElse(null);
            if (profile == null) {
                problems.add(doc.problem(at, "no profile '" + byProfile.getKey() + "'; known profiles: " + String.join(", ", profiles.ids())));
                return;
            }
            byProfile.getValue().fields().forEachRemaining(byRule -> check(doc, at + "/" + byRule.getKey(), profile,
                    byRule.getKey(), null, byRule.getValue(), ruleSchemaProblems, problems));
        });
        JsonNode devices = doc.root().path("devices");
        for (int i = 0; i < devices.size(); i++) {
            JsonNode device = devices.get(i);
            DeviceProfile profile = profiles.find(device.path("profile").asText()).orElse(null);
            if (profile == null) {
                continue; // SiteChecks says so
            }
            String at = "/devices/" + i + "/overrides/";
            JsonNode forProfile = siteOverrides.path(profile.id());
            device.path("overrides").fields().forEachRemaining(byRule -> check(doc, at + byRule.getKey(), profile,
                    byRule.getKey(), forProfile.get(byRule.getKey()), byRule.getValue(), ruleSchemaProblems, problems));
        }
        return problems;
    }

    private static void check(YamlDocument doc, String at, DeviceProfile profile, String ruleId, JsonNode siteOverride,
                              JsonNode override, Function<JsonNode, Map<String, String>> ruleSchemaProblems,
                              List<ConfigurationProblem> problems) {
        FaultRule rule = profile.rules().stream().filter(r -> r.id().equals(ruleId)).findFirst().orElse(null);
        if (rule == null) {
            problems.add(doc.problem(at, "profile '" + profile.id() + "' has no rule '" + ruleId + "'; its rules: "
                    + profile.rules().stream().map(FaultRule::id).collect(Collectors.joining(", "))));
            return;
        }
        for (String fixed : RuleOverrides.FIXED) {
            if (override.has(fixed)) {
                problems.add(doc.problem(at + "/" + fixed, "cannot be overridden; a site changes a rule's parameters,"
                        + " not which rule it is"));
            }
        }
        ObjectNode merged = RuleOverrides.asJson(rule);
        if (siteOverride != null) {
            RuleOverrides.mergeInto(merged, siteOverride);
        }
        RuleOverrides.mergeInto(merged, override);
        Map<String, String> schemaProblems = ruleSchemaProblems.apply(merged);
        if (!schemaProblems.isEmpty()) {
            schemaProblems.forEach((pointer, message) -> problems.add(doc.problem(at + pointer, message)));
            return;
        }
        Map<String, String> kindOfPoint = new LinkedHashMap<>();
        profile.points().forEach(p -> kindOfPoint.put(p.id(), p.kind().wireName()));
        Map<String, Boolean> events = null;
        if (!profile.mqtt().events().isEmpty()) {
            events = new LinkedHashMap<>();
            for (MqttEvent event : profile.mqtt().events()) {
                events.merge(event.type(), event.phase() != null, Boolean::logicalOr);
            }
        }
        if ("threshold".equals(merged.path("type").asText())) {
            ProfileChecks.checkThreshold(doc, at, merged, kindOfPoint, problems);
        }
        RuleChecks.check(doc, at, merged, kindOfPoint, events, problems);
    }
}
