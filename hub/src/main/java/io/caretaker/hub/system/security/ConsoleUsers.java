package io.caretaker.hub.system.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Repository;

/** The users in the relational store (table {@code console_user}), with their password hashes and roles. */
@Repository
public class ConsoleUsers implements UserDetailsService {

    /** The shortest password a console user, the first administrator included, may have. */
    public static final int MIN_PASSWORD_LENGTH = 12;

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{2,50}");

    private final JdbcClient jdbc;
    private final Clock clock;

    ConsoleUsers(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        record Row(String hash, Role role, boolean enabled) {
        }
        Row row = jdbc.sql("select password_hash, role, enabled from console_user where username = ?").param(username)
                .query((rs, n) -> new Row(rs.getString(1), Role.valueOf(rs.getString(2)), rs.getBoolean(3))).optional()
                .orElseThrow(() -> new UsernameNotFoundException("no user '" + username + "'"));
        return User.withUsername(username).password(row.hash()).roles(row.role().name()).disabled(!row.enabled()).build();
    }

    public List<ConsoleUser> all() {
        return jdbc.sql("select username, role, enabled, created_at from console_user order by username").query(ConsoleUsers::map).list();
    }

    public Optional<ConsoleUser> find(String username) {
        return jdbc.sql("select username, role, enabled, created_at from console_user where username = ?").param(username)
                .query(ConsoleUsers::map).optional();
    }

    boolean anyWithRole(Role role) {
        return jdbc.sql("select count(*) from console_user where role = ?").param(role.name()).query(Long.class).single() > 0;
    }

    /** Adds a user; the name must be new and plain (letters, digits, . _ @ -). */
    public void create(String username, String passwordHash, Role role) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new UserRefusedException(UserRefusedException.Why.NAME_NOT_PLAIN, username,
                    "username '" + username + "': use 2 to 50 letters, digits, '.', '_', '@' or '-'");
        }
        if (find(username).isPresent()) {
            throw new UserRefusedException(UserRefusedException.Why.NAME_TAKEN, username, "username '" + username + "' is taken; choose another");
        }
        jdbc.sql("insert into console_user (username, password_hash, role, enabled, created_at) values (?, ?, ?, ?, ?)")
                .params(username, passwordHash, role.name(), true, clock.instant().atOffset(ZoneOffset.UTC)).update();
    }

    /** Gives a user a new password (its hash); a password remembered as verified stops working, as it is tied to the old hash. */
    public void setPasswordHash(String username, String passwordHash) {
        if (jdbc.sql("update console_user set password_hash = ? where username = ?").params(passwordHash, username).update() == 0) {
            throw new UserRefusedException(UserRefusedException.Why.NO_SUCH_USER, username, "no user '" + username + "'");
        }
    }

    public void setEnabled(String username, boolean enabled) {
        jdbc.sql("update console_user set enabled = ? where username = ?").params(enabled, username).update();
    }

    private static ConsoleUser map(ResultSet rs, int row) throws SQLException {
        return new ConsoleUser(rs.getString("username"), Role.valueOf(rs.getString("role")), rs.getBoolean("enabled"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
