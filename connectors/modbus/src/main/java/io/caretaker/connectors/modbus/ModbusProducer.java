package io.caretaker.connectors.modbus;

import io.caretaker.connectors.modbus.ModbusWriteRefusedException.Reason;
import io.caretaker.deviceprofiles.DeviceProfile;
import io.caretaker.deviceprofiles.ModbusBinding.Table;
import io.caretaker.deviceprofiles.Point;
import io.caretaker.deviceprofiles.PointKind;
import java.util.Locale;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one point of a Modbus device: the body is the value (a boolean or a number, or their text), the
 * {@value ModbusEndpoint#POINT_HEADER} header the point id. Only coils and holding registers the profile marks
 * {@code writable: true} are written; anything else is refused with a {@link ModbusWriteRefusedException} before
 * a byte goes out.
 */
final class ModbusProducer extends DefaultProducer {

    private static final Logger log = LoggerFactory.getLogger(ModbusProducer.class);

    private final ModbusEndpoint endpoint;
    private final DeviceProfile profile;
    private final ModbusLink link;

    ModbusProducer(ModbusEndpoint endpoint, DeviceProfile profile) {
        super(endpoint);
        this.endpoint = endpoint;
        this.profile = profile;
        this.link = endpoint.newLink();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        String pointId = exchange.getMessage().getHeader(ModbusEndpoint.POINT_HEADER, String.class);
        ModbusPoint point = writablePoint(pointId);
        Object body = exchange.getMessage().getBody();
        if (point.table() == Table.COIL) {
            boolean on = asBoolean(point, body);
            link.writeCoil(point.address(), on);
            log.info("modbus write device={} point={} address={} value={}", endpoint.getDeviceId(), pointId, point.address(), on);
        } else {
            double number = asNumber(point, body);
            int[] words;
            try {
                words = RegisterDecoder.encode(point, number);
            } catch (IllegalArgumentException e) {
                throw new ModbusWriteRefusedException(Reason.BAD_VALUE, "modbus:" + endpoint.getDeviceId() + " " + e.getMessage());
            }
            link.writeRegisters(point.address(), words);
            log.info("modbus write device={} point={} address={} value={}", endpoint.getDeviceId(), pointId, point.address(), number);
        }
    }

    /** The point, if this profile has it on Modbus and lets it be written. */
    ModbusPoint writablePoint(String pointId) {
        String device = "modbus:" + endpoint.getDeviceId();
        if (pointId == null || pointId.isBlank()) {
            throw new ModbusWriteRefusedException(Reason.UNKNOWN_POINT, device + " needs the point to write in header "
                    + ModbusEndpoint.POINT_HEADER);
        }
        Point point = profile.point(pointId).orElseThrow(() -> new ModbusWriteRefusedException(Reason.UNKNOWN_POINT,
                device + ": profile " + profile.id() + " has no point '" + pointId + "'"));
        if (point.bindings().modbus() == null) {
            throw new ModbusWriteRefusedException(Reason.UNKNOWN_POINT, device + ": point '" + pointId
                    + "' of profile " + profile.id() + " has no Modbus binding");
        }
        if (!point.bindings().modbus().isWritable()) {
            throw new ModbusWriteRefusedException(Reason.NOT_WRITABLE, device + ": point '" + pointId + "' of profile "
                    + profile.id() + " is not writable; the profile must mark it writable: true (coils and holding"
                    + " registers only)");
        }
        return ModbusPoint.of(point, profile.modbus());
    }

    private boolean asBoolean(ModbusPoint point, Object body) {
        if (body instanceof Boolean b) {
            return b;
        }
        if (body instanceof Number n && (n.doubleValue() == 0 || n.doubleValue() == 1)) {
            return n.doubleValue() == 1;
        }
        if (body instanceof String s) {
            switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "true", "1", "on" -> {
                    return true;
                }
                case "false", "0", "off" -> {
                    return false;
                }
                default -> { }
            }
        }
        throw new ModbusWriteRefusedException(Reason.BAD_VALUE, "modbus:" + endpoint.getDeviceId() + ": point '"
                + point.id() + "' is a coil; write true or false, not " + describe(body));
    }

    private double asNumber(ModbusPoint point, Object body) {
        if (point.point().kind() == PointKind.BOOLEAN && body instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (body instanceof Number n && Double.isFinite(n.doubleValue())) {
            return n.doubleValue();
        }
        if (body instanceof String s) {
            try {
                double parsed = Double.parseDouble(s.trim());
                if (Double.isFinite(parsed)) {
                    return parsed;
                }
            } catch (NumberFormatException e) {
                // falls through to the refusal below
            }
        }
        throw new ModbusWriteRefusedException(Reason.BAD_VALUE, "modbus:" + endpoint.getDeviceId() + ": point '"
                + point.id() + "' is a " + point.binding().type().wireName() + " register; write a number, not "
                + describe(body));
    }

    private static String describe(Object body) {
        return body == null ? "nothing" : "'" + body + "' (" + body.getClass().getSimpleName() + ")";
    }

    @Override
    protected void doStop() throws Exception {
        link.close();
        super.doStop();
    }
}
