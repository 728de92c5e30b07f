package io.caretaker.hub.alarms;

import io.caretaker.deviceprofiles.Severity;
import io.caretaker.deviceprofiles.site.Site;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/alarms[?state=]}: alarms, newest first. */
@RestController
@RequestMapping("/api/alarms")
class AlarmController {

    private final AlarmService alarms;
    private final Site site;

    AlarmController(AlarmService alarms, Site site) {
        this.alarms = alarms;
        this.site = site;
    }

    @GetMapping
    List<AlarmJson> alarms(@RequestParam(required = false) AlarmState state) {
        return alarms.all(state).stream().map(this::json).toList();
    }

    private AlarmJson json(Alarm a) {
        return new AlarmJson(a.id(), a.deviceId(), a.ruleId(), a.severity(), a.state(), site.localTime(a.raisedAt()), site.localTime(a.clearedAt()),
                a.message(), a.workOrderId(), site.localTime(a.lastRaisedAt()), a.occurrences(), a.suppressedBy());
    }

    record AlarmJson(long id, String deviceId, String ruleId, Severity severity, AlarmState state, OffsetDateTime raisedAt,
                     OffsetDateTime clearedAt, String message, Long workOrderId, OffsetDateTime lastRaisedAt, int occurrences,
                     String suppressedBy) {
    }
}
