package io.caretaker.deviceprofiles;

import java.time.Duration;

/**
 * What a profile says about a device's OPC UA subscription as a whole: how often the server samples each node
 * ({@code samplingInterval}) and how often it sends the changes it saw ({@code publishingInterval}). Both default
 * to one second. Several devices on one server share one subscription, which publishes at the shortest interval
 * any of them asks for.
 */
public record OpcUaProfile(Duration samplingInterval, Duration publishingInterval) {

    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);

    public OpcUaProfile {
        if (samplingInterval == null) {
            samplingInterval = DEFAULT_INTERVAL;
        }
        if (publishingInterval == null) {
            publishingInterval = DEFAULT_INTERVAL;
        }
    }
}
