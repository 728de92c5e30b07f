package io.caretaker.hub.system.security;

import java.time.Instant;

/** A person who may log in to the console or call the API, with the one role that says what they may do. */
public record ConsoleUser(String username, Role role, boolean enabled, Instant createdAt) {
}
