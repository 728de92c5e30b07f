package io.caretaker.hub.system.security;

import io.caretaker.hub.system.RefusedToStart;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Makes sure someone can log in: when the users table has no administrator, creates one with the password from
 * CARETAKER_ADMIN_PASSWORD, or else with a random password printed once to the log. There is no default password.
 */
@Component
class FirstAdministrator implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final ConsoleUsers users;
    private final SecurityProperties properties;
    private final PasswordEncoder encoder;

    FirstAdministrator(ConsoleUsers users, SecurityProperties properties, PasswordEncoder encoder) {
        this.users = users;
        this.properties = properties;
        this.encoder = encoder;
    }

    @Override
    public void afterPropertiesSet() {
        if (users.anyWithRole(Role.ADMIN)) {
            return;
        }
        String username = properties.adminUsername();
        if (properties.hasAdminPassword()) {
            int length = properties.adminPassword().length();
            if (length < ConsoleUsers.MIN_PASSWORD_LENGTH) {
                throw new RefusedToStart("CARETAKER_ADMIN_PASSWORD (caretaker.security.admin-password) has " + length
                        + " characters; the first administrator's password needs at least " + ConsoleUsers.MIN_PASSWORD_LENGTH
                        + ", as every console user's does.", "Set CARETAKER_ADMIN_PASSWORD to a password of at least "
                        + ConsoleUsers.MIN_PASSWORD_LENGTH + " characters, or leave it empty to have one generated and printed once,"
                        + " then start the hub again.");
            }
            users.create(username, encoder.encode(properties.adminPassword()), Role.ADMIN);
            log.info("first administrator created user={} password=from CARETAKER_ADMIN_PASSWORD", username);
            return;
        }
        String password = randomPassword();
        users.create(username, encoder.encode(password), Role.ADMIN);
        // printed this once only: the store keeps the hash; set CARETAKER_ADMIN_PASSWORD to choose it instead
        log.warn("""

                ========================================================================
                First administrator created: user '{}', generated password: {}
                It is shown only this once. Log in, choose your own password and add users at /console/users.
                ========================================================================""", username, password);
    }

    static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
