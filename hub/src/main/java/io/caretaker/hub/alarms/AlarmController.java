package io.caretaker.hub.alarms;

import io.caretaker.deviceprofiles.Severity;
import io.caretaker.deviceprofiles.site.Site;
import io.caretaker.hub.system.problems.BadRequestTitle;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Alarms: {@code GET /api/alarms[?state=&shelved=&outOfService=]} newest first, {@code GET /api/alarms/{id}} with its audit trail, and the
 * operator actions {@code POST /api/alarms/{id}/ack|shelve|unshelve|out-of-service|return-to-service} with a JSON body
 * {@code {"reason": ..., "until": ... | "minutes": ...}}. The actor is the authenticated user, or "api" without one.
 * Refusals are RFC 9457 problem details ({@link io.caretaker.hub.system.problems.ApiProblems}): 404 unknown alarm, 409
 * an action its state does not allow, 400 a missing or bad field.
 */
@RestController
@BadRequestTitle("Invalid alarm action")
@RequestMapping("/api/alarms")
class AlarmController {

    private static final String ANONYMOUS = "api";

    private final AlarmService alarms;
    private final Site site;
    private final Clock clock;

    AlarmController(AlarmService alarms, Site site, Clock clock) {
        this.alarms = alarms;
        this.site = site;
        this.clock = clock;
    }

    /** Filtered by state, and to the shelved or out-of-service ones, which ISA-18.2 asks to keep reviewable. */
    @GetMapping
    List<AlarmJson> alarms(@RequestParam(required = false) AlarmState state, @RequestParam(required = false) Boolean shelved,
                           @RequestParam(required = false) Boolean outOfService) {
        return alarms.all(state).stream()
                .filter(a -> shelved == null || a.shelved() == shelved)
                .filter(a -> outOfService == null || a.isOutOfService() == outOfService)
                .map(this::json).toList();
    }

    @GetMapping("/{id}")
    AlarmDetail alarm(@PathVariable long id) {
        Alarm alarm = alarms.find(id).orElseThrow(() -> new AlarmService.NoSuchAlarmException(id));
        List<EventJson> events = alarms.history(id).stream()
                .map(e -> new EventJson(e.action(), e.state(), e.actor(), site.localTime(e.at()), e.reason(), e.annunciated()))
                .toList();
        return new AlarmDetail(json(alarm), events);
    }

    @PostMapping("/{id}/ack")
    AlarmJson acknowledge(@PathVariable long id, @RequestBody(required = false) ActionRequest request, Principal principal) {
        return json(alarms.acknowledge(id, actor(principal), reason(request)));
    }

    @PostMapping("/{id}/shelve")
    AlarmJson shelve(@PathVariable long id, @RequestBody(required = false) ActionRequest request, Principal principal) {
        if (request == null) {
            throw new IllegalArgumentException("shelving alarm " + id + " needs a JSON body: {\"reason\": ..., \"minutes\": 60} or {\"reason\": ..., \"until\": \"2026-11-28T18:00:00+08:00\"}");
        }
        return json(alarms.shelve(id, actor(principal), request.reason(), request.until(id, clock.instant())));
    }

    @PostMapping("/{id}/unshelve")
    AlarmJson unshelve(@PathVariable long id, @RequestBody(required = false) ActionRequest request, Principal principal) {
        return json(alarms.unshelve(id, actor(principal), reason(request)));
    }

    @PostMapping("/{id}/out-of-service")
    AlarmJson removeFromService(@PathVariable long id, @RequestBody(required = false) ActionRequest request, Principal principal) {
        return json(alarms.removeFromService(id, actor(principal), reason(request)));
    }

    @PostMapping("/{id}/return-to-service")
    AlarmJson returnToService(@PathVariable long id, @RequestBody(required = false) ActionRequest request, Principal principal) {
        return json(alarms.returnToService(id, actor(principal), reason(request)));
    }

    private static String actor(Principal principal) {
        return principal == null || principal.getName() == null ? ANONYMOUS : principal.getName();
    }

    private static String reason(ActionRequest request) {
        return request == null ? null : request.reason();
    }

    private AlarmJson json(Alarm a) {
        Alarm.Shelf shelf = a.shelf();
        Alarm.OutOfService oos = a.outOfService();
        return new AlarmJson(a.id(), a.deviceId(), a.ruleId(), a.severity(), a.state(), site.localTime(a.raisedAt()), site.localTime(a.clearedAt()),
                a.message(), a.workOrderId(), site.localTime(a.lastRaisedAt()), a.occurrences(), a.suppressedBy(),
                shelf == null ? null : new ShelfJson(shelf.reason(), shelf.by(), site.localTime(shelf.at()), site.localTime(shelf.until())),
                oos == null ? null : new OutOfServiceJson(oos.reason(), oos.by(), site.localTime(oos.since())),
                a.annunciated(), a.chattering());
    }

    /** The body of an operator action: a reason, and for shelving either an end time or a number of minutes. */
    record ActionRequest(String reason, OffsetDateTime until, Integer minutes) {

        Instant until(long id, Instant now) {
            if (until != null && minutes != null) {
                throw new IllegalArgumentException("shelving alarm " + id + ": give either 'until' or 'minutes', not both");
            }
            if (minutes != null) {
                if (minutes <= 0) {
                    throw new IllegalArgumentException("shelving alarm " + id + ": 'minutes' must be > 0, was " + minutes);
                }
                return now.plus(Duration.ofMinutes(minutes));
            }
            return until == null ? null : until.toInstant();
        }
    }

    record AlarmJson(long id, String deviceId, String ruleId, Severity severity, AlarmState state, OffsetDateTime raisedAt,
                     OffsetDateTime clearedAt, String message, Long workOrderId, OffsetDateTime lastRaisedAt, int occurrences,
                     String suppressedBy, ShelfJson shelved, OutOfServiceJson outOfService, boolean annunciated, boolean chattering) {
    }

    record ShelfJson(String reason, String by, OffsetDateTime at, OffsetDateTime until) {
    }

    record OutOfServiceJson(String reason, String by, OffsetDateTime since) {
    }

    record EventJson(AlarmAction action, AlarmState state, String actor, OffsetDateTime at, String reason, boolean annunciated) {
    }

    record AlarmDetail(AlarmJson alarm, List<EventJson> events) {
    }
}
