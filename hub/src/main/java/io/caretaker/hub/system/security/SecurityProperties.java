package io.caretaker.hub.system.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Console and API security. {@code adminPassword} (CARETAKER_ADMIN_PASSWORD) is the password of the first
 * administrator, used only when no administrator exists yet; blank means a random one is generated and printed once.
 */
@ConfigurationProperties("caretaker.security")
public record SecurityProperties(@DefaultValue("admin") String adminUsername, String adminPassword) {

    boolean hasAdminPassword() {
        return adminPassword != null && !adminPassword.isBlank();
    }
}
