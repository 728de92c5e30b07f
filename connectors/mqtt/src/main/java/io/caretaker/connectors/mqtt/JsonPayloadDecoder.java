package io.caretaker.connectors.mqtt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.caretaker.deviceprofiles.DeviceProfile;
import io.caretaker.deviceprofiles.Point;
import io.caretaker.deviceprofiles.PointKind;
import io.caretaker.deviceprofiles.Protocol;
import io.caretaker.deviceprofiles.canonical.PointSample;
import io.caretaker.deviceprofiles.canonical.Quality;
import io.caretaker.deviceprofiles.canonical.Value;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns one device's JSON payload into samples, one per point whose JSON Pointer is present. Devices such as
 * Zigbee2MQTT send partial states, so a missing field is simply not a sample; a field of the wrong type is a
 * BAD sample, so the point shows it rather than silently keeping an old value.
 */
public final class JsonPayloadDecoder {

    /** Larger payloads are refused before parsing: no building device sends a megabyte of state. */
    public static final int MAX_PAYLOAD_BYTES = 1 << 20;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String deviceId;
    private final List<Point> points;

    public JsonPayloadDecoder(String deviceId, DeviceProfile profile) {
        this.deviceId = deviceId;
        this.points = profile.pointsBoundTo(Protocol.MQTT);
    }

    public List<PointSample> decode(byte[] payload, Instant receivedAt) {
        if (payload.length > MAX_PAYLOAD_BYTES) {
            throw new MalformedPayloadException(deviceId, MalformedPayloadException.Cause.TOO_LARGE,
                    payload.length + " bytes, more than " + MAX_PAYLOAD_BYTES);
        }
        JsonNode root;
        try {
            root = JSON.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new MalformedPayloadException(deviceId, MalformedPayloadException.Cause.NOT_JSON, e.getOriginalMessage());
        } catch (IOException e) {
            throw new MalformedPayloadException(deviceId, MalformedPayloadException.Cause.NOT_JSON, e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new MalformedPayloadException(deviceId, MalformedPayloadException.Cause.NOT_AN_OBJECT,
                    "expected a JSON object, got " + (root == null ? "nothing" : root.getNodeType()));
        }
        List<PointSample> samples = new ArrayList<>(points.size());
        for (Point point : points) {
            JsonNode field = root.at(point.bindings().mqtt().path());
            if (field.isMissingNode() || field.isNull()) {
                continue;
            }
            Value value = valueOf(point.kind(), field);
            samples.add(value instanceof Value.Absent
                    ? new PointSample(deviceId, point.id(), receivedAt, receivedAt, value, Quality.BAD)
                    : point.sample(deviceId, receivedAt, receivedAt, value));
        }
        return samples;
    }

    private static Value valueOf(PointKind kind, JsonNode field) {
        return switch (kind) {
            case NUMBER -> field.isNumber() ? Value.of(field.asDouble()) : parseNumber(field);
            case BOOLEAN -> field.isBoolean() ? Value.of(field.asBoolean()) : parseBoolean(field);
            case TEXT -> field.isValueNode() ? Value.of(field.asText()) : Value.absent();
        };
    }

    private static Value parseNumber(JsonNode field) {
        if (!field.isTextual()) {
            return Value.absent();
        }
        try {
            return Value.of(Double.parseDouble(field.asText().trim()));
        } catch (NumberFormatException e) {
            return Value.absent();
        }
    }

    private static Value parseBoolean(JsonNode field) {
        if (field.isTextual()) {
            return switch (field.asText().trim().toLowerCase(Locale.ROOT)) {
                case "true", "on", "1" -> Value.of(true);
                case "false", "off", "0" -> Value.of(false);
                default -> Value.absent();
            };
        }
        if (field.isNumber()) {
            return Value.of(field.asDouble() != 0);
        }
        return Value.absent();
    }
}
