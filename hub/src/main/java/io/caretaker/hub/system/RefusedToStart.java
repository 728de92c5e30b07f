package io.caretaker.hub.system;

/**
 * A setting the hub will not start with, said as Spring Boot's APPLICATION FAILED TO START report
 * ({@link RefusedToStartFailureAnalyzer}): what is wrong, and what to do.
 */
public class RefusedToStart extends RuntimeException {

    private final String action;

    public RefusedToStart(String description, String action) {
        super(description);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
