package io.caretaker.hub.system.security;

import static io.caretaker.hub.system.security.Role.ADMIN;
import static io.caretaker.hub.system.security.Role.DISPATCHER;
import static io.caretaker.hub.system.security.Role.ENGINEER;
import static io.caretaker.hub.system.security.Role.OPERATOR;

import io.caretaker.hub.workorders.Transition;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;

/**
 * Which role may do what, in one place: the security filter enforces it on every request and the pages use it to
 * offer only the buttons a user may press.
 */
public final class Permissions {

    /** Acknowledge, shelve and unshelve alarms: the control room and engineers, not the service desk. */
    public static final Set<Role> HANDLE_ALARMS = EnumSet.of(OPERATOR, ENGINEER, ADMIN);
    /** Take an alarm out of service and back. */
    public static final Set<Role> ALARM_SERVICE = EnumSet.of(ENGINEER, ADMIN);
    /** Take a repair request: anyone who answers a phone. */
    public static final Set<Role> REQUEST_REPAIRS = EnumSet.allOf(Role.class);
    /** Write a device's point. */
    public static final Set<Role> WRITE_POINTS = EnumSet.of(ENGINEER, ADMIN);

    private Permissions() {
    }

    /** Who may apply a work-order transition: engineers do the work, the service desk runs the procedure. */
    public static Set<Role> mayApply(Transition transition) {
        return switch (transition) {
            case START, COMPLETE -> EnumSet.of(ENGINEER, DISPATCHER, ADMIN);
            // dispatch, confirm, follow-up, close, cancel, and any step the procedure gains: the service desk's
            default -> EnumSet.of(DISPATCHER, ADMIN);
        };
    }

    /** Whether someone with these authorities has one of the roles. */
    public static boolean anyOf(Collection<? extends GrantedAuthority> authorities, Set<Role> roles) {
        return authorities.stream().anyMatch(a -> roles.stream().anyMatch(r -> r.authority().equals(a.getAuthority())));
    }
}
