package io.caretaker.hub.console;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * A console address that matches no page (/console/nope): Spring's static-resource handler raises it, outside the
 * console's controllers, so {@link ConsoleProblems} does not see it. Under /console/ it is answered with the console's
 * page in the reader's language; anywhere else as the APIs answer it, a problem detail.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsolePathProblems {

    private final MessageSource messages;

    ConsolePathProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(NoResourceFoundException.class)
    Object noSuchPage(NoResourceFoundException e, HttpServletRequest request, Locale language) {
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/console/")) {
            return e;   // its own problem detail (404, "No static resource …"), as Spring answers it
        }
        return ConsoleProblems.page(HttpStatus.NOT_FOUND, messages.getMessage("problem.explain.404", null, language));
    }
}
