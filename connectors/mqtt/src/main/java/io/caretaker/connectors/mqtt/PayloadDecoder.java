package io.caretaker.connectors.mqtt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caretaker.connectors.mqtt.MalformedPayloadException.Cause;
import io.caretaker.deviceprofiles.DeviceProfile;
import io.caretaker.deviceprofiles.MqttBinding;
import io.caretaker.deviceprofiles.MqttEvent;
import io.caretaker.deviceprofiles.Point;
import io.caretaker.deviceprofiles.PointKind;
import io.caretaker.deviceprofiles.Protocol;
import io.caretaker.deviceprofiles.canonical.DeviceEvent;
import io.caretaker.deviceprofiles.canonical.PointSample;
import io.caretaker.deviceprofiles.canonical.Quality;
import io.caretaker.deviceprofiles.canonical.Value;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one device's MQTT payloads into samples and events as its profile declares: JSON (or a text line split by
 * the profile's pattern into named fields), JSON Pointers with fallbacks, fields that are a number, a list or an
 * object, strings that mean numbers or booleans, value maps, scale and offset, and events tied together by an id
 * across their new, update and end messages. Devices such as Zigbee2MQTT send partial states, so a missing field
 * is simply not a sample unless the profile marks it required; a field of the wrong type is a BAD sample, so the
 * point shows it rather than silently keeping an old value. One decoder per device: it remembers open events.
 */
public final class PayloadDecoder {

    /** Larger payloads are refused before parsing: no building device sends a megabyte of state. */
    public static final int MAX_PAYLOAD_BYTES = 1 << 20;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern GROUP_NAME = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");

    private final String deviceId;
    private final List<Point> points;
    private final Pattern textPattern;
    private final List<String> groupNames = new ArrayList<>();
    private final List<EventDeclaration> events;
    private final OpenEvents openEvents = new OpenEvents();

    public PayloadDecoder(String deviceId, DeviceProfile profile) {
        this.deviceId = deviceId;
        this.points = profile.pointsBoundTo(Protocol.MQTT);
        this.textPattern = profile.mqtt().isText() ? Pattern.compile(profile.mqtt().textPattern()) : null;
        if (textPattern != null) {
            // Matcher.namedGroups() is Java 20; the names are read from the pattern text instead
            Matcher names = GROUP_NAME.matcher(textPattern.pattern());
            while (names.find()) {
                groupNames.add(names.group(1));
            }
        }
        this.events = profile.mqtt().events().stream().map(EventDeclaration::new).toList();
    }

    public String deviceId() {
        return deviceId;
    }

    /**
     * Decodes one message.
     *
     * @throws MalformedPayloadException when nothing in it can be read (not JSON, too large, no line matches)
     */
    public synchronized DecodedMessage decode(byte[] payload, Instant receivedAt) {
        if (payload.length > MAX_PAYLOAD_BYTES) {
            throw new MalformedPayloadException(deviceId, Cause.TOO_LARGE, payload.length + " bytes, more than " + MAX_PAYLOAD_BYTES);
        }
        List<PointSample> samples = new ArrayList<>();
        List<DeviceEvent> deviceEvents = new ArrayList<>();
        List<DecodedMessage.Problem> problems = new ArrayList<>();
        for (JsonNode message : messages(payload, problems)) {
            decodePoints(message, receivedAt, samples, problems);
            for (EventDeclaration event : events) {
                event.decode(message, receivedAt, deviceEvents, problems);
            }
        }
        return new DecodedMessage(samples, deviceEvents, problems);
    }

    private List<JsonNode> messages(byte[] payload, List<DecodedMessage.Problem> problems) {
        if (textPattern != null) {
            return lines(new String(payload, StandardCharsets.UTF_8), problems);
        }
        JsonNode root;
        try {
            root = JSON.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new MalformedPayloadException(deviceId, Cause.NOT_JSON, e.getOriginalMessage());
        } catch (IOException e) {
            throw new MalformedPayloadException(deviceId, Cause.NOT_JSON, e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new MalformedPayloadException(deviceId, Cause.NOT_AN_OBJECT,
                    "expected a JSON object, got " + (root == null ? "nothing" : root.getNodeType()));
        }
        return List.of(root);
    }

    /** Each non-blank line that matches the pattern, as an object of its named groups; a gateway may batch lines. */
    private List<JsonNode> lines(String text, List<DecodedMessage.Problem> problems) {
        List<JsonNode> matched = new ArrayList<>();
        List<String> unmatched = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            Matcher m = textPattern.matcher(trimmed);
            if (!m.matches()) {
                unmatched.add(trimmed);
                continue;
            }
            ObjectNode fields = JsonNodeFactory.instance.objectNode();
            for (String group : groupNames) {
                String value = m.group(group);
                if (value != null) {
                    fields.put(group, value);
                }
            }
            matched.add(fields);
        }
        if (matched.isEmpty()) {
            throw new MalformedPayloadException(deviceId, Cause.NO_MATCH, "no line matches the profile's textPattern: "
                    + abbreviate(unmatched.isEmpty() ? "(empty)" : unmatched.get(0)));
        }
        unmatched.forEach(line -> problems.add(new DecodedMessage.Problem(Cause.NO_MATCH,
                "line does not match the profile's textPattern: " + abbreviate(line))));
        return matched;
    }

    private void decodePoints(JsonNode message, Instant receivedAt, List<PointSample> samples, List<DecodedMessage.Problem> problems) {
        for (Point point : points) {
            MqttBinding binding = point.bindings().mqtt();
            JsonNode field = firstPresent(message, binding.path());
            if (field == null) {
                if (binding.required()) {
                    problems.add(new DecodedMessage.Problem(Cause.MISSING_FIELD, "point " + point.id() + ": no field at " + String.join(" or ", binding.path())));
                }
                continue;
            }
            Value value = valueOf(point.kind(), binding, field);
            if (value instanceof Value.Absent) {
                problems.add(new DecodedMessage.Problem(Cause.WRONG_TYPE, "point " + point.id() + ": " + abbreviate(field.toString())
                        + " at " + String.join(" or ", binding.path()) + " is not a " + point.kind().wireName()
                        + (binding.map().isEmpty() ? "" : " nor in the profile's map " + binding.map().keySet())));
                samples.add(new PointSample(deviceId, point.id(), receivedAt, receivedAt, value, Quality.BAD));
            } else {
                samples.add(point.sample(deviceId, receivedAt, receivedAt, value));
            }
        }
    }

    private static JsonNode firstPresent(JsonNode message, List<String> paths) {
        for (String path : paths) {
            JsonNode field = message.at(path);
            if (!field.isMissingNode() && !field.isNull()) {
                return field;
            }
        }
        return null;
    }

    static Value valueOf(PointKind kind, MqttBinding binding, JsonNode field) {
        if (!binding.map().isEmpty()) {
            Object mapped = field.isValueNode() ? binding.map().get(field.asText().strip()) : null;
            return mapped == null ? Value.absent() : mapped(kind, mapped, binding);
        }
        return switch (kind) {
            case NUMBER -> scaled(number(field, binding.combine()), binding);
            case BOOLEAN -> field.isBoolean() ? Value.of(field.asBoolean()) : parseBoolean(field);
            case TEXT -> field.isValueNode() ? Value.of(field.asText()) : Value.absent();
        };
    }

    private static Value mapped(PointKind kind, Object mapped, MqttBinding binding) {
        return switch (kind) {
            case NUMBER -> mapped instanceof Number n ? scaled(OptionalDouble.of(n.doubleValue()), binding) : Value.absent();
            case BOOLEAN -> mapped instanceof Boolean b ? Value.of(b) : Value.absent();
            case TEXT -> Value.of(String.valueOf(mapped));
        };
    }

    private static Value scaled(OptionalDouble raw, MqttBinding binding) {
        return raw.isPresent() ? Value.of(raw.getAsDouble() * binding.scale() + binding.offset()) : Value.absent();
    }

    /** A number, a numeric string, or, with combine, a list or object of them. */
    private static OptionalDouble number(JsonNode field, MqttBinding.Combine combine) {
        if (field.isNumber()) {
            return OptionalDouble.of(field.asDouble());
        }
        if (field.isTextual()) {
            try {
                return OptionalDouble.of(Double.parseDouble(field.asText().strip()));
            } catch (NumberFormatException e) {
                return OptionalDouble.empty();
            }
        }
        if (combine == null || !field.isContainerNode() || field.isEmpty()) {
            return OptionalDouble.empty();
        }
        List<Double> parts = new ArrayList<>();
        for (JsonNode element : field) {
            OptionalDouble part = number(element, null);
            if (part.isEmpty()) {
                return OptionalDouble.empty();
            }
            parts.add(part.getAsDouble());
        }
        return switch (combine) {
            case SUM -> OptionalDouble.of(parts.stream().mapToDouble(Double::doubleValue).sum());
            case FIRST -> OptionalDouble.of(parts.get(0));
            case MAX -> parts.stream().mapToDouble(Double::doubleValue).max();
        };
    }

    private static Value parseBoolean(JsonNode field) {
        if (field.isTextual()) {
            return switch (field.asText().strip().toLowerCase(Locale.ROOT)) {
                case "true", "on", "1", "yes" -> Value.of(true);
                case "false", "off", "0", "no" -> Value.of(false);
                default -> Value.absent();
            };
        }
        if (field.isNumber()) {
            return Value.of(field.asDouble() != 0);
        }
        return Value.absent();
    }

    private static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "…";
    }

    /** One declared event kind, compiled once. */
    private final class EventDeclaration {

        private final MqttEvent event;
        private final Pattern matches;

        EventDeclaration(MqttEvent event) {
            this.event = event;
            this.matches = event.when() != null && event.when().matches() != null ? Pattern.compile(event.when().matches()) : null;
        }

        void decode(JsonNode message, Instant receivedAt, List<DeviceEvent> out, List<DecodedMessage.Problem> problems) {
            if (!selected(message)) {
                return;
            }
            Map<String, Object> attributes = new HashMap<>();
            event.attributes().forEach((name, path) -> {
                JsonNode value = message.at(path);
                if (value.isValueNode() && !value.isNull()) {
                    attributes.put(name, value.isNumber() ? value.numberValue() : value.isBoolean() ? value.asBoolean() : value.asText());
                }
            });
            if (event.phase() == null) {
                out.add(new DeviceEvent(deviceId, event.type(), receivedAt, attributes));
                return;
            }
            JsonNode word = message.at(event.phase().path());
            MqttEvent.Phase phase = word.isValueNode() ? event.phase().map().get(word.asText()) : null;
            if (phase == null) {
                problems.add(new DecodedMessage.Problem(word.isMissingNode() ? Cause.MISSING_FIELD : Cause.WRONG_TYPE, "event " + event.type()
                        + ": phase " + (word.isMissingNode() ? "missing at " + event.phase().path() : "'" + word.asText()
                        + "' is not in the profile's phase map " + event.phase().map().keySet())));
                return;
            }
            List<String> idParts = new ArrayList<>();
            for (String path : event.id()) {
                JsonNode part = message.at(path);
                if (!part.isValueNode() || part.isNull()) {
                    problems.add(new DecodedMessage.Problem(Cause.MISSING_FIELD, "event " + event.type() + ": no id field at " + path));
                    return;
                }
                idParts.add(part.asText());
            }
            String eventId = String.join("/", idParts);
            attributes.put("eventId", eventId);
            attributes.put("phase", phase.wireName());
            openEvents.track(event.type(), eventId, phase, receivedAt, attributes);
            out.add(new DeviceEvent(deviceId, event.type(), receivedAt, attributes));
        }

        private boolean selected(JsonNode message) {
            if (event.when() == null) {
                return true;
            }
            JsonNode field = message.at(event.when().path());
            if (!field.isValueNode() || field.isNull()) {
                return false;
            }
            String text = field.asText();
            return (event.when().in().isEmpty() || event.when().in().contains(text))
                    && (matches == null || matches.matcher(text).matches());
        }
    }
}
