package io.caretaker.deviceprofiles;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A device type, described once: its points, their protocol bindings, its fault rules, utilisation and maintenance plans. */
public record DeviceProfile(String id, String name, Family family, List<String> tags,
                            List<Point> points, List<FaultRule> rules,
                            // MQTT: topics, text payloads and events of the device as a whole
                            MqttProfile mqtt,
                            // Modbus: register numbering, input-register function, default byte and word order
                            ModbusProfile modbus,
                            // OPC UA: sampling and publishing intervals of the device's monitored items
                            OpcUaProfile opcua,
                            // which point says the device is running (run hours, starts, duty cycle); null: not tracked
                            Utilisation utilisation,
                            // preventive maintenance plans: calendar, run hours, counts
                            List<MaintenancePlan> maintenance,
                            // how a simulator plays this device type; null when the profile has no simulate section
                            Simulation simulate,
                            // its texts in other languages, by language tag (zh)
                            Map<String, Translation> translations) {

    public DeviceProfile {
        tags = tags == null ? List.of() : List.copyOf(tags);
        points = points == null ? List.of() : List.copyOf(points);
        rules = rules == null ? List.of() : List.copyOf(rules);
        if (mqtt == null) {
            mqtt = new MqttProfile(null, null, null);
        }
        if (modbus == null) {
            modbus = ModbusProfile.defaults();
        }
        if (opcua == null) {
            opcua = new OpcUaProfile(null, null);
        }
        maintenance = maintenance == null ? List.of() : List.copyOf(maintenance);
        translations = translations == null ? Map.of() : Map.copyOf(translations);
    }

    public Optional<Point> point(String pointId) {
        return points.stream().filter(p -> p.id().equals(pointId)).findFirst();
    }

    /** The profile's name in a reader's language, else its own. */
    public String name(Locale language) {
        return in(language).map(Translation::name).orElse(name);
    }

    /** A point's name in a reader's language, else its own; the id when the profile has no such point. */
    public String pointName(String pointId, Locale language) {
        return in(language).map(t -> t.points().get(pointId))
                .or(() -> point(pointId).map(Point::name)).orElse(pointId);
    }

    /** A rule's message in a reader's language, else its own; null when the profile has no such rule or it has no message. */
    public String ruleMessage(String ruleId, Locale language) {
        return in(language).map(t -> t.rules().get(ruleId))
                .or(() -> rules.stream().filter(r -> r.id().equals(ruleId)).findFirst().map(FaultRule::message)).orElse(null);
    }

    /** A maintenance plan's task in a reader's language, else its own; null when the profile has no such plan. */
    public String maintenanceTask(String planId, Locale language) {
        return in(language).map(t -> t.maintenance().get(planId))
                .or(() -> maintenance.stream().filter(m -> m.id().equals(planId)).findFirst().map(MaintenancePlan::task)).orElse(null);
    }

    /** The translation for a language: its exact tag (zh-Hant), else its language (zh); none for the profile's own, English. */
    private Optional<Translation> in(Locale language) {
        if (language == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(translations.get(language.toLanguageTag()))
                .or(() -> language.getScript().isEmpty() ? Optional.empty()
                        : Optional.ofNullable(translations.get(language.getLanguage() + "-" + language.getScript())))
                .or(() -> Optional.ofNullable(translations.get(language.getLanguage())));
    }

    /** The points a connector for this protocol reads. */
    public List<Point> pointsBoundTo(Protocol protocol) {
        return points.stream().filter(p -> p.bindings().has(protocol)).toList();
    }
}
