package io.caretaker.deviceprofiles;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a site file must satisfy beyond its schema: a real time zone and dates, occupied hours that end after they
 * start, unique device ids, known profiles that speak the connection's protocol.
 */
final class SiteChecks {

    private SiteChecks() {
    }

    static List<ConfigurationProblem> check(YamlDocument doc, ProfileCatalog profiles) {
        List<ConfigurationProblem> problems = new ArrayList<>();
        JsonNode site = doc.root().path("site");
        if (site.has("timeZone")) {
            try {
                ZoneId.of(site.get("timeZone").asText());
            } catch (DateTimeException e) {
                problems.add(doc.problem("/site/timeZone", "'" + site.get("timeZone").asText()
                        + "' is not a time zone; use an IANA name such as Asia/Shanghai"));
            }
        }
        JsonNode holidays = site.path("calendar").path("holidays");
        for (int i = 0; i < holidays.size(); i++) {
            try {
                LocalDate.parse(holidays.get(i).asText());
            } catch (DateTimeException e) {
                problems.add(doc.problem("/site/calendar/holidays/" + i, "'" + holidays.get(i).asText() + "' is not a date (YYYY-MM-DD)"));
            }
        }
        JsonNode occupied = site.path("occupied");
        if (occupied.has("from") && occupied.has("to")
                && !LocalTime.parse(occupied.get("to").asText()).isAfter(LocalTime.parse(occupied.get("from").asText()))) {
            problems.add(doc.problem("/site/occupied/to", "'" + occupied.get("to").asText() + "' is not after from '"
                    + occupied.get("from").asText() + "'; occupied hours are one span within a day, e.g. from: \"08:00\", to: \"20:00\""));
        }
        Set<String> ids = new HashSet<>();
        JsonNode devices = doc.root().path("devices");
        for (int i = 0; i < devices.size(); i++) {
            JsonNode device = devices.get(i);
            String at = "/devices/" + i;
            String id = device.path("id").asText();
            if (!ids.add(id)) {
                problems.add(doc.problem(at + "/id", "device id '" + id + "' is used twice; device ids must be unique"));
            }
            String profileId = device.path("profile").asText();
            DeviceProfile profile = profiles.find(profileId).orElse(null);
            if (profile == null) {
                problems.add(doc.problem(at + "/profile", "no profile '" + profileId + "'; known profiles: "
                        + String.join(", ", profiles.ids())));
                continue;
            }
            Protocol protocol = Protocol.valueOf(device.path("connection").path("protocol").asText().toUpperCase(Locale.ROOT));
            if (protocol == Protocol.MQTT && !device.path("connection").has("topic") && profile.mqtt().topics().isEmpty()) {
                problems.add(doc.problem(at + "/connection", "needs topic: profile '" + profileId + "' names no mqtt.topics;"
                        + " write the topic the device publishes on, e.g. topic: zigbee2mqtt/" + id));
            }
            if (profile.pointsBoundTo(protocol).isEmpty()) {
                problems.add(doc.problem(at + "/connection/protocol", "profile '" + profileId + "' has no " + protocol.wireName()
                        + " bindings; add them to the profile or connect the device another way"));
            }
        }
        return problems;
    }
}
