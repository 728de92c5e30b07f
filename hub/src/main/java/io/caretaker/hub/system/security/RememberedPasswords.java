package io.caretaker.hub.system.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The users' password encoder (BCrypt by default, behind Spring's delegating encoder) that remembers for a while the
 * passwords it has just verified. An API client sends its HTTP Basic credentials with every request, and BCrypt costs
 * tens of milliseconds of CPU on purpose: a client polling every 5 ms kept a core busy with nothing else. What is
 * remembered is a keyed hash (HMAC-SHA256 under a key drawn at start and never stored) of the password together with
 * the stored hash it matched, so:
 * <ul>
 * <li>a password changed since (a new stored hash) is checked by BCrypt again;</li>
 * <li>a disabled or removed user is refused before any password is compared (the user is read on every request);</li>
 * <li>a wrong password is never remembered, so guessing still costs BCrypt every time.</li>
 * </ul>
 * {@code remember} of zero turns the memory off.
 */
final class RememberedPasswords implements PasswordEncoder {

    private static final int MOST = 10_000;

    private final PasswordEncoder delegate;
    private final Cache<String, Boolean> verified;
    private final SecretKeySpec key;
    private final boolean remembering;

    RememberedPasswords(PasswordEncoder delegate, Duration remember, Clock clock) {
        this.delegate = delegate;
        this.remembering = !remember.isZero() && !remember.isNegative();
        this.verified = Caffeine.newBuilder()
                .expireAfterWrite(remembering ? remember : Duration.ofNanos(1))
                .maximumSize(MOST)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .build();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (!remembering || rawPassword == null || encodedPassword == null) {
            return delegate.matches(rawPassword, encodedPassword);
        }
        String entry = encodedPassword + '\n' + keyed(rawPassword);
        if (verified.getIfPresent(entry) != null) {
            return true;
        }
        boolean matches = delegate.matches(rawPassword, encodedPassword);
        if (matches) {
            verified.put(entry, Boolean.TRUE);
        }
        return matches;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private String keyed(CharSequence rawPassword) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(rawPassword.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
