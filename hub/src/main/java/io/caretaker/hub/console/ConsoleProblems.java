package io.caretaker.hub.console;

import io.caretaker.hub.system.problems.RequestProblems;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * What a console page cannot show, answered as a console page in the reader's language, where the browser got the
 * API's JSON: a work order, alarm or device that does not exist (a stale or mistyped link), or a value in the address
 * or a form the page cannot read. First among the advice, before the APIs' ({@link
 * io.caretaker.hub.system.problems.RequestProblems}), for the console's controllers only.
 */
@ControllerAdvice(basePackageClasses = ConsoleProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleProblems {

    /** A thing a link names that is not there: the message key that says so, and the id asked for. */
    static final class NotFound extends RuntimeException {

        private final String key;
        private final Object id;

        NotFound(String key, Object id) {
            super(key + " " + id);
            this.key = key;
            this.id = id;
        }
    }

    private final MessageSource messages;

    ConsoleProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(NotFound.class)
    ModelAndView notFound(NotFound e, Locale language) {
        return page(HttpStatus.NOT_FOUND, messages.getMessage(e.key, new Object[] {String.valueOf(e.id)}, language));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView badValue(MethodArgumentTypeMismatchException e, Locale language) {
        if (e.getParameter().hasParameterAnnotation(PathVariable.class)) {
            // a link: /console/alarms/abc
            return page(HttpStatus.NOT_FOUND, messages.getMessage("problem.badAddress", new Object[] {String.valueOf(e.getValue())}, language));
        }
        // a form value the console's own pages never send (only a hand-made request does): named as the APIs name it
        return page(HttpStatus.BAD_REQUEST, RequestProblems.describe(e));
    }

    /** The console's error page (Spring Boot's {@code error.html}) with its status and the problem in words. */
    static ModelAndView page(HttpStatus status, String problem) {
        ModelAndView page = new ModelAndView("error", status);
        page.addObject("status", status.value());
        page.addObject("problem", problem);
        return page;
    }
}
