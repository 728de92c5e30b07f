package io.caretaker.hub.opcua;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The hub as an OPC UA client ({@code caretaker.opcua.*}): where its certificate and trust list live, and how many
 * monitored items go into one CreateMonitoredItems request.
 */
@Validated
@ConfigurationProperties("caretaker.opcua")
public record OpcUaProperties(@DefaultValue("data/opcua-client-pki") @NotBlank String pkiDirectory,
                              @DefaultValue("500") @Min(1) @Max(10000) int maxItemsPerRequest) {
}
