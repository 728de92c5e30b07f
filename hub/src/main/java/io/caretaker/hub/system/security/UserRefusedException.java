package io.caretaker.hub.system.security;

/** A user could not be added or changed: why, for the console to say in the reader's language, and the name asked for. */
public class UserRefusedException extends IllegalArgumentException {

    public enum Why { NAME_NOT_PLAIN, NAME_TAKEN, NO_SUCH_USER }

    private final Why why;
    private final String username;

    UserRefusedException(Why why, String username, String message) {
        super(message);
        this.why = why;
        this.username = username;
    }

    public Why why() {
        return why;
    }

    public String username() {
        return username;
    }
}
