package io.caretaker.hub.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the site file and any extra device profiles are. {@code file} is a Spring resource location
 * ({@code file:/etc/caretaker/site.yaml} or {@code classpath:...}); {@code profilesDir} adds profiles to
 * the built-in ones.
 */
@Validated
@ConfigurationProperties("caretaker.site")
public record SiteProperties(String file, String profilesDir) {
}
