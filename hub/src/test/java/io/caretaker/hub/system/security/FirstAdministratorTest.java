package io.caretaker.hub.system.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caretaker.hub.system.RefusedToStart;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The first administrator: the configured password, or a random one printed once; never a default. */
@ExtendWith(OutputCaptureExtension.class)
class FirstAdministratorTest {

    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private ConsoleUsers users;

    @BeforeEach
    void database() {
        DriverManagerDataSource data = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(data).load().migrate();
        users = new ConsoleUsers(JdbcClient.create(data), Clock.fixed(Instant.parse("2026-11-28T02:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void theConfiguredPasswordIsTheFirstAdministratorsAndIsNotLogged(CapturedOutput output) {
        new FirstAdministrator(users, new SecurityProperties("admin", "s3cret-from-env", Duration.ofMinutes(5)), encoder).afterPropertiesSet();

        UserDetails admin = users.loadUserByUsername("admin");
        assertThat(encoder.matches("s3cret-from-env", admin.getPassword())).isTrue();
        assertThat(admin.getPassword()).startsWith("{bcrypt}");
        assertThat(admin.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_ADMIN");
        assertThat(output.getAll()).doesNotContain("s3cret-from-env");
    }

    @Test
    void withoutOneARandomPasswordIsPrintedOnceAndWorks(CapturedOutput output) {
        new FirstAdministrator(users, new SecurityProperties("admin", "", Duration.ofMinutes(5)), encoder).afterPropertiesSet();
        Matcher printed = Pattern.compile("generated password: (\\S+)").matcher(output.getAll());
        assertThat(printed.find()).isTrue();
        String password = printed.group(1);
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);
        assertThat(encoder.matches(password, users.loadUserByUsername("admin").getPassword())).isTrue();

        // a restart finds the administrator and neither prints nor changes anything
        new FirstAdministrator(users, new SecurityProperties("admin", "another", Duration.ofMinutes(5)), encoder).afterPropertiesSet();
        assertThat(Pattern.compile("generated password").matcher(output.getAll()).results().count()).isEqualTo(1);
        assertThat(encoder.matches(password, users.loadUserByUsername("admin").getPassword())).isTrue();
        assertThat(FirstAdministrator.randomPassword()).isNotEqualTo(FirstAdministrator.randomPassword());
    }

    @Test
    void aConfiguredPasswordShorterThanAConsoleUsersMayBeRefusesToStartWithoutSayingIt(CapturedOutput output) {
        FirstAdministrator first = new FirstAdministrator(users, new SecurityProperties("admin", "abc12345678", Duration.ofMinutes(5)), encoder);

        assertThatThrownBy(first::afterPropertiesSet)
                .isInstanceOf(RefusedToStart.class)
                .hasMessage("CARETAKER_ADMIN_PASSWORD (caretaker.security.admin-password) has 11 characters; the first administrator's"
                        + " password needs at least 12, as every console user's does.")
                .extracting(e -> ((RefusedToStart) e).action()).asString().contains("or leave it empty to have one generated");
        assertThat(users.anyWithRole(Role.ADMIN)).isFalse();
        assertThat(output.getAll()).doesNotContain("abc12345678");
    }

    @Test
    void usernamesArePlainAndUnique() {
        users.create("li.wei", encoder.encode("x"), Role.OPERATOR);
        assertThatThrownBy(() -> users.create("li.wei", encoder.encode("y"), Role.ENGINEER)).hasMessageContaining("taken");
        assertThatThrownBy(() -> users.create("a b", encoder.encode("y"), Role.ENGINEER)).hasMessageContaining("username 'a b'");
        users.setEnabled("li.wei", false);
        assertThat(users.loadUserByUsername("li.wei").isEnabled()).isFalse();
    }
}
