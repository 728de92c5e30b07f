package io.caretaker.hub.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.caretaker.hub.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** A password just verified is not put through BCrypt again for a while; nothing else is remembered. */
class RememberedPasswordsTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-30T02:00:00Z"));
    private final AtomicInteger bcrypts = new AtomicInteger();
    /** BCrypt at its lowest cost, counting how often it is asked. */
    private final PasswordEncoder bcrypt = new BCryptPasswordEncoder(4) {
        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            bcrypts.incrementAndGet();
            return super.matches(rawPassword, encodedPassword);
        }
    };
    private final String stored = bcrypt.encode("s3cret");

    @Test
    void aVerifiedPasswordIsRememberedUntilItsTimeIsUp() {
        RememberedPasswords passwords = new RememberedPasswords(bcrypt, Duration.ofMinutes(5), clock);

        assertThat(passwords.matches("s3cret", stored)).isTrue();
        assertThat(passwords.matches("s3cret", stored)).isTrue();
        clock.advance(Duration.ofMinutes(4));
        assertThat(passwords.matches("s3cret", stored)).isTrue();
        assertThat(bcrypts).hasValue(1);

        clock.advance(Duration.ofMinutes(2)); // five minutes after it was verified
        assertThat(passwords.matches("s3cret", stored)).isTrue();
        assertThat(bcrypts).hasValue(2);
    }

    @Test
    void aWrongPasswordIsCheckedEveryTime() {
        RememberedPasswords passwords = new RememberedPasswords(bcrypt, Duration.ofMinutes(5), clock);
        assertThat(passwords.matches("s3cret", stored)).isTrue();

        assertThat(passwords.matches("guess", stored)).isFalse();
        assertThat(passwords.matches("guess", stored)).isFalse();
        assertThat(passwords.matches("S3cret", stored)).isFalse();
        assertThat(bcrypts).hasValue(4);
    }

    @Test
    void aRememberedPasswordDoesNotMatchANewStoredHash() {
        RememberedPasswords passwords = new RememberedPasswords(bcrypt, Duration.ofMinutes(5), clock);
        assertThat(passwords.matches("s3cret", stored)).isTrue();

        String changed = bcrypt.encode("n3w-s3cret");
        assertThat(passwords.matches("s3cret", changed)).isFalse();
        assertThat(passwords.matches("n3w-s3cret", changed)).isTrue();
        assertThat(bcrypts).hasValue(3);
    }

    @Test
    void rememberingForNoTimeChecksEveryRequest() {
        RememberedPasswords passwords = new RememberedPasswords(bcrypt, Duration.ZERO, clock);

        assertThat(passwords.matches("s3cret", stored)).isTrue();
        assertThat(passwords.matches("s3cret", stored)).isTrue();
        assertThat(bcrypts).hasValue(2);
        assertThat(passwords.encode("s3cret")).startsWith("$2a$04$");
    }
}
