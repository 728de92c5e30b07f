package io.caretaker.hub.console;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The console's settings: an alarm flood is {@code floodAlarms} or more alarms raised within {@code floodWindow}
 * (ISA-18.2's 10 in 10 minutes); pages that are not pushed by events refresh every {@code refreshEvery}.
 */
@ConfigurationProperties("caretaker.console")
public record ConsoleProperties(@DefaultValue("10") int floodAlarms, @DefaultValue("10m") Duration floodWindow,
                                @DefaultValue("30s") Duration refreshEvery) {
}
