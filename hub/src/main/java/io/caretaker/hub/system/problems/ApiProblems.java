package io.caretaker.hub.system.problems;

import io.caretaker.hub.alarms.AlarmService;
import io.caretaker.hub.alarms.IllegalAlarmActionException;
import io.caretaker.hub.webhooks.WebhookController;
import io.caretaker.hub.workorders.IllegalTransitionException;
import io.caretaker.hub.workorders.WorkOrderService;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.HandlerMethod;

/**
 * The refusals of the hub's APIs (alarms, work orders, alarm KPIs, utilisation, webhook deliveries: the controllers marked {@link
 * BadRequestTitle}) as RFC 9457 problem details: 404 an unknown alarm or work order, 409 an action or transition its
 * state does not allow, 400 a missing or bad field. Ahead of Spring's own problem details, after {@link RequestProblems}
 * (a request that cannot be read at all). The point-write API keeps its own, whose refusals carry their own status.
 */
@RestControllerAdvice(annotations = BadRequestTitle.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class ApiProblems {

    @ExceptionHandler(AlarmService.NoSuchAlarmException.class)
    ProblemDetail noSuchAlarm(AlarmService.NoSuchAlarmException e) {
        return problem(HttpStatus.NOT_FOUND, "No such alarm", e.getMessage());
    }

    @ExceptionHandler(IllegalAlarmActionException.class)
    ProblemDetail alarmActionNotAllowed(IllegalAlarmActionException e) {
        return problem(HttpStatus.CONFLICT, "Alarm action not allowed", e.getMessage());
    }

    @ExceptionHandler(WorkOrderService.NoSuchWorkOrderException.class)
    ProblemDetail noSuchWorkOrder(WorkOrderService.NoSuchWorkOrderException e) {
        return problem(HttpStatus.NOT_FOUND, "No such work order", e.getMessage());
    }

    @ExceptionHandler(IllegalTransitionException.class)
    ProblemDetail transitionNotAllowed(IllegalTransitionException e) {
        return problem(HttpStatus.CONFLICT, "Transition not allowed", e.getMessage());
    }

    @ExceptionHandler(WebhookController.NoSuchDeliveryException.class)
    ProblemDetail noSuchDelivery(WebhookController.NoSuchDeliveryException e) {
        return problem(HttpStatus.NOT_FOUND, "No such webhook delivery", e.getMessage());
    }

    @ExceptionHandler(WebhookController.DeliveryNotFailedException.class)
    ProblemDetail deliveryNotFailed(WebhookController.DeliveryNotFailedException e) {
        return problem(HttpStatus.CONFLICT, "Webhook delivery not failed", e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e, HandlerMethod handler) {
        return problem(HttpStatus.BAD_REQUEST, RequestProblems.title(handler), e.getMessage());
    }

    static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
