package io.caretaker.hub.control;

import com.fasterxml.jackson.databind.JsonNode;
import io.caretaker.connectors.modbus.ModbusEndpoint;
import io.caretaker.connectors.modbus.ModbusWriteRefusedException;
import io.caretaker.deviceprofiles.DeviceProfile;
import io.caretaker.deviceprofiles.Point;
import io.caretaker.deviceprofiles.Protocol;
import io.caretaker.deviceprofiles.ProfileCatalog;
import io.caretaker.deviceprofiles.site.Connection;
import io.caretaker.deviceprofiles.site.InstalledDevice;
import io.caretaker.deviceprofiles.site.Site;
import java.time.Clock;
import java.time.Instant;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Writes a value to a device's point through its connector. The profile decides what may be written: the Modbus
 * producer refuses points not marked {@code writable: true} before anything reaches the device.
 */
@Component
class PointWriter {

    private static final Logger log = LoggerFactory.getLogger(PointWriter.class);

    private final Site site;
    private final ProfileCatalog profiles;
    private final ProducerTemplate producer;
    private final Clock clock;

    PointWriter(Site site, ProfileCatalog profiles, ProducerTemplate producer, Clock clock) {
        this.site = site;
        this.profiles = profiles;
        this.producer = producer;
        this.clock = clock;
    }

    /** Writes {@code value} and returns when the device has acknowledged it. */
    Written write(String deviceId, String pointId, JsonNode value) {
        InstalledDevice device = site.device(deviceId).orElseThrow(() -> new WriteRefused(HttpStatus.NOT_FOUND,
                "Unknown device", "site " + site.id() + " has no device '" + deviceId + "'"));
        DeviceProfile profile = profiles.get(device.profile());
        Point point = profile.point(pointId).orElseThrow(() -> new WriteRefused(HttpStatus.NOT_FOUND, "Unknown point",
                "device " + deviceId + " (profile " + profile.id() + ") has no point '" + pointId + "'"));
        Connection connection = device.connection();
        if (connection.protocol() != Protocol.MODBUS || point.bindings().modbus() == null) {
            throw new WriteRefused(HttpStatus.CONFLICT, "Writing not supported",
                    "device " + deviceId + " point " + pointId + " is reached over " + connection.protocol().wireName()
                            + "; the hub writes Modbus coils and holding registers only");
        }
        Object body = body(deviceId, pointId, value);
        String uri = "modbus:" + deviceId + "?host=" + connection.host() + "&port=" + connection.port()
                + "&unitId=" + connection.unitId() + "&profile=" + profile.id();
        try {
            producer.sendBodyAndHeader(uri, body, ModbusEndpoint.POINT_HEADER, pointId);
        } catch (CamelExecutionException e) {
            throw refusal(deviceId, pointId, e.getCause() != null ? e.getCause() : e);
        }
        Instant at = clock.instant();
        log.info("point written device={} point={} value={}", deviceId, pointId, body);
        return new Written(deviceId, pointId, value, at);
    }

    private static Object body(String deviceId, String pointId, JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            throw new WriteRefused(HttpStatus.BAD_REQUEST, "Missing value",
                    "send {\"value\": <number or boolean>} to write device " + deviceId + " point " + pointId);
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isNumber()) {
            return value.doubleValue();
        }
        throw new WriteRefused(HttpStatus.BAD_REQUEST, "Bad value", "device " + deviceId + " point " + pointId
                + ": value must be a number or a boolean, not " + value);
    }

    private static WriteRefused refusal(String deviceId, String pointId, Throwable cause) {
        if (cause instanceof ModbusWriteRefusedException refused) {
            HttpStatus status = switch (refused.reason()) {
                case NOT_WRITABLE -> HttpStatus.FORBIDDEN;
                case UNKNOWN_POINT -> HttpStatus.NOT_FOUND;
                case BAD_VALUE -> HttpStatus.BAD_REQUEST;
            };
            String title = switch (refused.reason()) {
                case NOT_WRITABLE -> "Point not writable";
                case UNKNOWN_POINT -> "Unknown point";
                case BAD_VALUE -> "Bad value";
            };
            return new WriteRefused(status, title, refused.getMessage());
        }
        log.warn("point write failed device={} point={} cause={}", deviceId, pointId, cause.toString());
        return new WriteRefused(HttpStatus.BAD_GATEWAY, "Device did not take the write",
                "device " + deviceId + " point " + pointId + ": " + cause.getMessage());
    }

    /** What was written, and when the device acknowledged it. */
    record Written(String device, String point, JsonNode value, Instant writtenAt) {
    }

    /** A write the hub will not make or the device did not take, with the HTTP status that says so. */
    static final class WriteRefused extends RuntimeException {

        private final HttpStatus status;
        private final String title;

        WriteRefused(HttpStatus status, String title, String detail) {
            super(detail);
            this.status = status;
            this.title = title;
        }

        HttpStatus status() {
            return status;
        }

        String title() {
            return title;
        }
    }
}
