package io.caretaker.hub.system.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Console and API security. {@code adminPassword} (CARETAKER_ADMIN_PASSWORD) is the password of the first
 * administrator, used only when no administrator exists yet; blank means a random one is generated and printed once.
 * A password just verified is remembered for {@code rememberVerifiedPasswords} (0 to check each one with BCrypt), so
 * API clients sending HTTP Basic credentials with each request do not pay BCrypt each time.
 */
@ConfigurationProperties("caretaker.security")
public record SecurityProperties(@DefaultValue("admin") String adminUsername, String adminPassword,
                                 @DefaultValue("5m") Duration rememberVerifiedPasswords) {

    boolean hasAdminPassword() {
        return adminPassword != null && !adminPassword.isBlank();
    }
}
