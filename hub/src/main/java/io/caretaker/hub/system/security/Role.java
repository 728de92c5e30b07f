package io.caretaker.hub.system.security;

/** What a console user is allowed to do: the people of DOMAIN.md, plus the administrator who manages users. */
public enum Role {
    /** Control-room operator (中控室值班员): acknowledges and shelves alarms, takes repair calls. */
    OPERATOR,
    /** Engineer (工程师): equipment, utilisation, point writes, starts and completes repairs. */
    ENGINEER,
    /** Service desk (客服): dispatches, confirms, follows up and closes work orders. */
    DISPATCHER,
    /** Everything, and user management. */
    ADMIN;

    /** As Spring Security names it. */
    public String authority() {
        return "ROLE_" + name();
    }
}
