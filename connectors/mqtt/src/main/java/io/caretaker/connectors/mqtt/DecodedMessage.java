package io.caretaker.connectors.mqtt;

import io.caretaker.deviceprofiles.canonical.DeviceEvent;
import io.caretaker.deviceprofiles.canonical.PointSample;
import java.util.ArrayList;
import java.util.List;

/**
 * What one MQTT message said: its samples and events, and what in it could not be read. A message may be partly
 * bad (one field of the wrong type): the rest still counts, and the problems are set aside.
 */
public record DecodedMessage(List<PointSample> samples, List<DeviceEvent> events, List<Problem> problems) {

    public DecodedMessage {
        samples = List.copyOf(samples);
        events = List.copyOf(events);
        problems = List.copyOf(problems);
    }

    /** Samples then events, the body the ingest route takes. */
    public List<Object> records() {
        List<Object> records = new ArrayList<>(samples.size() + events.size());
        records.addAll(samples);
        records.addAll(events);
        return records;
    }

    /** One thing in the message that could not be read: why, and where. */
    public record Problem(MalformedPayloadException.Cause cause, String detail) {
    }
}
