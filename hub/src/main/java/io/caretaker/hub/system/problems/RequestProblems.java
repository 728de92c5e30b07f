package io.caretaker.hub.system.problems;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * A request the hub cannot read, answered as an RFC 9457 problem detail (400) that names the value and what would do
 * instead, where Spring would say only "Failed to read request" or "Failed to convert": "path variable 'id' is 'abc',
 * not a whole number", "parameter 'status' is 'BOGUS', not one of OPEN, ...", "field 'minutes' of the body is 'ten',
 * not a whole number", "the body is not JSON (line 1, column 9): ...". For the APIs; the console answers a bad
 * value in its links and forms with a page of its own (its advice comes first). The title is the controller's {@link
 * BadRequestTitle}, else "Bad request". Before {@link ApiProblems}, so that a bad value is not taken for the refusal
 * it gives an IllegalArgumentException (Spring also matches an exception's cause).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class RequestProblems {

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badParameter(MethodArgumentTypeMismatchException e, HandlerMethod handler) {
        return ApiProblems.problem(HttpStatus.BAD_REQUEST, title(handler), describe(e));
    }

    /** "path variable 'id' is 'abc', not a whole number"; "parameter 'role' is 'BOGUS', not one of OPERATOR, ...". */
    public static String describe(MethodArgumentTypeMismatchException e) {
        String where = e.getParameter().hasParameterAnnotation(PathVariable.class) ? "path variable" : "parameter";
        return where + " '" + e.getName() + "' is '" + e.getValue() + "', not " + expected(e.getRequiredType());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadableBody(HttpMessageNotReadableException e, HandlerMethod handler) {
        return ApiProblems.problem(HttpStatus.BAD_REQUEST, title(handler), unreadable(e.getCause()));
    }

    private static String unreadable(Throwable cause) {
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String value = mismatch instanceof InvalidFormatException format ? "is '" + format.getValue() + "', " : "is ";
            return "field '" + field(mismatch) + "' of the body " + value + "not " + expected(mismatch.getTargetType());
        }
        if (cause instanceof JsonProcessingException json) {
            var at = json.getLocation();
            return "the body is not JSON" + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
                    + ": " + json.getOriginalMessage() + "; send a JSON object of the request's fields";
        }
        return "the request needs a body: send a JSON object of the request's fields";
    }

    private static String field(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /** What a value of this type looks like, for a refusal: "a whole number", "one of OPEN, ACCEPTED". */
    private static String expected(Class<?> type) {
        if (type == null) {
            return "a value of the right kind";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
        }
        if (type == long.class || type == Long.class || type == int.class || type == Integer.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == LocalDate.class) {
            return "a date, e.g. 2026-11-23";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "a date-time with its offset, e.g. 2026-11-23T10:30:00+08:00";
        }
        return "a " + type.getSimpleName();
    }

    /** The title of a controller's 400s: its {@link BadRequestTitle}, else "Bad request". */
    static String title(HandlerMethod handler) {
        BadRequestTitle title = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), BadRequestTitle.class);
        return title == null ? "Bad request" : title.value();
    }
}
