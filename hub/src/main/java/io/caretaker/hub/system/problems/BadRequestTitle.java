package io.caretaker.hub.system.problems;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a REST controller whose refusals {@link ApiProblems} answers as RFC 9457 problem details, and gives the title
 * of its 400s (a missing or bad field), which says what was being asked: "Invalid alarm action".
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface BadRequestTitle {

    String value();
}
