package io.caretaker.connectors.opcua;

import io.caretaker.deviceprofiles.Point;
import io.caretaker.deviceprofiles.canonical.PointSample;
import io.caretaker.deviceprofiles.canonical.Quality;
import io.caretaker.deviceprofiles.canonical.Value;
import java.time.Instant;
import java.util.Set;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;

/** How an OPC UA DataValue becomes a canonical {@link PointSample}: value, quality and timestamps. */
final class DataValues {

    // Codes a server or gateway uses when it cannot reach the field device, as opposed to a bad reading.
    private static final Set<Long> COMMUNICATION_LOSS = Set.of(
            StatusCodes.Bad_NoCommunication,
            StatusCodes.Bad_NotConnected,
            StatusCodes.Bad_CommunicationError,
            StatusCodes.Bad_ConnectionClosed,
            StatusCodes.Bad_ServerNotConnected,
            StatusCodes.Bad_Disconnect,
            StatusCodes.Bad_Timeout,
            StatusCodes.Bad_WaitingForInitialData);

    private DataValues() {}

    static PointSample toSample(String deviceId, Point point, DataValue dataValue, Instant receivedAt) {
        Instant observedAt = observedAt(dataValue, receivedAt);
        Value value = value(dataValue.getValue());
        Quality quality = quality(dataValue.getStatusCode());
        if (quality == Quality.GOOD && !(value instanceof Value.Absent)) {
            return point.sample(deviceId, observedAt, receivedAt, value);
        }
        return new PointSample(deviceId, point.id(), observedAt, receivedAt, value,
                quality == Quality.GOOD ? Quality.BAD : quality);
    }

    static Quality quality(StatusCode status) {
        if (status == null || status.isGood()) {
            return Quality.GOOD;
        }
        if (status.isUncertain()) {
            return Quality.UNCERTAIN;
        }
        // The low bits carry info flags (overflow etc.); only the code itself says what went wrong.
        return COMMUNICATION_LOSS.contains(status.getValue() & 0xFFFF0000L) ? Quality.COMM_LOSS : Quality.BAD;
    }

    static Value value(Variant variant) {
        Object raw = variant == null ? null : variant.getValue();
        if (raw instanceof Boolean b) {
            return Value.of(b);
        }
        if (raw instanceof Number n) {
            return Value.of(n.doubleValue());
        }
        if (raw instanceof String s) {
            return Value.of(s);
        }
        if (raw instanceof LocalizedText text && text.text() != null) {
            return Value.of(text.text());
        }
        return Value.absent();
    }

    private static Instant observedAt(DataValue dataValue, Instant receivedAt) {
        DateTime source = dataValue.getSourceTime();
        if (source != null && source.isValid()) {
            return source.getJavaInstant();
        }
        DateTime server = dataValue.getServerTime();
        if (server != null && server.isValid()) {
            return server.getJavaInstant();
        }
        return receivedAt;
    }
}
