package io.caretaker.hub.alarms;

import io.caretaker.deviceprofiles.FaultRule;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Raises and clears alarms, one per (device, rule) at a time: a fault that recurs before its alarm is back
 * to NORMAL re-activates and counts the same alarm instead of opening another.
 */
@Service
public class AlarmService {

    private static final Logger log = LoggerFactory.getLogger(AlarmService.class);

    private final AlarmRepository alarms;
    private final ApplicationEventPublisher events;

    AlarmService(AlarmRepository alarms, ApplicationEventPublisher events) {
        this.alarms = alarms;
        this.events = events;
    }

    /**
     * The rule's fault is present. A new alarm is annunciated (and so opens a work order) unless the (device,
     * rule) is suppressed by design, in which case it is recorded as suppressed and annunciated on
     * {@link #unsuppress} if still active then.
     */
    @Transactional
    public Alarm raise(String deviceId, FaultRule rule, Instant at) {
        String suppressedBy = alarms.findSuppression(deviceId, rule.id()).orElse(null);
        var open = alarms.findOpen(deviceId, rule.id());
        if (open.isPresent()) {
            Alarm alarm = open.get();
            if (!alarm.state().isActive()) {
                alarms.recur(alarm.id(), at);
                log.info("alarm recurred device={} rule={} alarm={} occurrences={}", deviceId, rule.id(), alarm.id(), alarm.occurrences() + 1);
            }
            return alarms.findById(alarm.id()).orElseThrow();
        }
        String message = rule.message() == null ? rule.id() : rule.message();
        long id = alarms.insert(deviceId, rule.id(), rule.severity(), message, at, suppressedBy);
        Alarm alarm = alarms.findById(id).orElseThrow();
        if (suppressedBy == null) {
            log.info("alarm raised device={} rule={} severity={} alarm={}", deviceId, rule.id(), rule.severity(), id);
            events.publishEvent(new AlarmRaised(alarm));
        } else {
            log.info("alarm raised suppressed device={} rule={} alarm={} by={}", deviceId, rule.id(), id, suppressedBy);
        }
        return alarm;
    }

    /**
     * Suppression by design starts for one rule of one device (its device lost, its plant off): its open alarm
     * and any raised while suppressed are kept but not annunciated.
     */
    @Transactional
    public void suppress(String deviceId, String ruleId, String reason, Instant at) {
        alarms.saveSuppression(deviceId, ruleId, reason, at);
        alarms.findOpen(deviceId, ruleId).ifPresent(alarm -> alarms.setSuppressedBy(alarm.id(), reason));
        log.debug("alarm suppressed device={} rule={} by={}", deviceId, ruleId, reason);
    }

    /** Suppression ends; an alarm still active is annunciated now, as if it had just been raised. */
    @Transactional
    public void unsuppress(String deviceId, String ruleId, Instant at) {
        if (!alarms.deleteSuppression(deviceId, ruleId)) {
            return;
        }
        alarms.findOpen(deviceId, ruleId).filter(Alarm::suppressed).ifPresent(alarm -> {
            alarms.setSuppressedBy(alarm.id(), null);
            if (alarm.state().isActive()) {
                log.info("alarm annunciated after suppression device={} rule={} alarm={}", deviceId, ruleId, alarm.id());
                events.publishEvent(new AlarmRaised(alarms.findById(alarm.id()).orElseThrow()));
            }
        });
    }

    /** The fault is gone: an unacknowledged alarm waits for acknowledgement, an acknowledged one returns to NORMAL. */
    @Transactional
    public void clear(String deviceId, String ruleId, Instant at) {
        alarms.findOpen(deviceId, ruleId).filter(a -> a.state().isActive()).ifPresent(alarm -> {
            AlarmState next = alarm.state() == AlarmState.ACTIVE_ACKED ? AlarmState.NORMAL : AlarmState.RETURNED_UNACKED;
            alarms.returnToNormal(alarm.id(), next, at);
            log.info("alarm cleared device={} rule={} alarm={} state={}", deviceId, ruleId, alarm.id(), next);
        });
    }

    /** The (device id, rule id) pairs suppressed by design now. */
    public List<java.util.Map.Entry<String, String>> suppressions() {
        return alarms.findSuppressions();
    }

    public List<Alarm> active() {
        return alarms.findActive();
    }

    public List<Alarm> all(AlarmState state) {
        return alarms.findAll(state);
    }
}
