package io.caretaker.hub.alarms;

import io.caretaker.deviceprofiles.FaultRule;
import io.caretaker.deviceprofiles.Severity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ISA-18.2 life cycle of alarms, one per (device, rule) at a time: the rules raise and clear them (a fault that
 * recurs before its alarm is back to NORMAL re-activates and counts the same alarm), operators acknowledge, shelve
 * and remove them from service, and suppression by design hides them. An alarm is annunciated (published as
 * {@link AlarmRaised}, which opens its work order) only while it is neither suppressed, shelved nor out of service;
 * one that is still active when the last of those ends is annunciated then. Every change is audited and published
 * as {@link AlarmChanged} once stored.
 */
@Service
public class AlarmService {

    /** The actor of the rules' own changes in the audit trail. */
    public static final String RULES = "caretaker";

    private static final Logger log = LoggerFactory.getLogger(AlarmService.class);
    private static final int ATTEMPTS = 20;

    private final AlarmRepository alarms;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final AlarmProperties properties;

    AlarmService(AlarmRepository alarms, ApplicationEventPublisher events, PlatformTransactionManager transactions, Clock clock,
                 AlarmProperties properties) {
        this.alarms = alarms;
        this.events = events;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * The rule's fault is present. A new alarm is annunciated (and so opens a work order) unless the (device, rule)
     * is suppressed by design, shelved or out of service; it is recorded either way. Concurrent raises of the same
     * fault end in one alarm: the database's one-open-alarm constraint turns the losers into retries that find it.
     */
    public Alarm raise(String deviceId, FaultRule rule, Instant at) {
        return change(changes -> {
            Optional<Alarm> open = alarms.findOpen(deviceId, rule.id());
            if (open.isPresent()) {
                Alarm alarm = open.get();
                if (alarm.state().isActive()) {
                    return alarm;
                }
                boolean annunciated = annunciable(deviceId, rule.id(), at);
                if (!alarms.recur(alarm.id(), alarm.state(), at, annunciated)) {
                    throw new ChangedMeanwhile();
                }
                log.info("alarm recurred device={} rule={} alarm={} occurrences={} annunciated={}", deviceId, rule.id(), alarm.id(),
                        alarm.occurrences() + 1, annunciated);
                return activated(changes, alarm.id(), AlarmAction.RECURRED, at, annunciated);
            }
            String suppressedBy = alarms.findSuppression(deviceId, rule.id()).orElse(null);
            boolean annunciated = suppressedBy == null && annunciable(deviceId, rule.id(), at);
            String message = rule.message() == null ? rule.id() : rule.message();
            long id = alarms.insert(deviceId, rule.id(), rule.severity(), message, at, suppressedBy, annunciated);
            log.info("alarm raised device={} rule={} severity={} alarm={} annunciated={}{}", deviceId, rule.id(), rule.severity(), id,
                    annunciated, suppressedBy == null ? "" : " suppressedBy=" + suppressedBy);
            return activated(changes, id, AlarmAction.RAISED, at, annunciated);
        });
    }

    private Alarm activated(Changes changes, long id, AlarmAction action, Instant at, boolean annunciated) {
        Alarm alarm = changes.record(id, action, RULES, at, null, annunciated);
        if (annunciated) {
            changes.publish(new AlarmRaised(alarm));
        }
        // chattering counts every activation of the (device, rule), across its alarms, within the window ending now
        int recent = alarms.countActivationsSince(alarm.deviceId(), alarm.ruleId(), at.minus(properties.chattering().within()));
        if (recent >= properties.chattering().activations() && alarms.markChattering(id)) {
            log.warn("alarm chattering device={} rule={} alarm={} activations={} within={}", alarm.deviceId(), alarm.ruleId(), id,
                    recent, properties.chattering().within());
            alarm = changes.record(id, AlarmAction.CHATTERING, RULES, at, recent + " activations within " + properties.chattering().within(),
                    false);
        }
        return alarm;
    }

    /** Neither shelved (a shelf still running at {@code at}) nor out of service. */
    private boolean annunciable(String deviceId, String ruleId, Instant at) {
        boolean shelved = alarms.findShelf(deviceId, ruleId).filter(s -> s.until().isAfter(at)).isPresent();
        return !shelved && alarms.findOutOfService(deviceId, ruleId).isEmpty();
    }

    /** The fault is gone: an unacknowledged alarm waits for acknowledgement, an acknowledged one returns to NORMAL. */
    public void clear(String deviceId, String ruleId, Instant at) {
        change(changes -> {
            alarms.findOpen(deviceId, ruleId).filter(a -> a.state().isActive()).ifPresent(alarm -> {
                AlarmState next = alarm.state() == AlarmState.ACTIVE_ACKED ? AlarmState.NORMAL : AlarmState.RETURNED_UNACKED;
                if (!alarms.clear(alarm.id(), alarm.state(), next, at)) {
                    throw new ChangedMeanwhile();
                }
                log.info("alarm cleared device={} rule={} alarm={} state={}", deviceId, ruleId, alarm.id(), next);
                changes.record(alarm.id(), AlarmAction.CLEARED, RULES, at, null, false);
            });
            return null;
        });
    }

    /**
     * Suppression by design starts for one rule of one device (its device lost, its plant off): its open alarm
     * and any raised while suppressed are kept but not annunciated.
     */
    public void suppress(String deviceId, String ruleId, String reason, Instant at) {
        change(changes -> {
            alarms.saveSuppression(deviceId, ruleId, reason, at);
            alarms.findOpen(deviceId, ruleId).filter(a -> !reason.equals(a.suppressedBy())).ifPresent(alarm -> {
                alarms.setSuppressedBy(alarm.id(), reason);
                changes.record(alarm.id(), AlarmAction.SUPPRESSED, RULES, at, reason, false);
            });
            log.debug("alarm suppressed device={} rule={} by={}", deviceId, ruleId, reason);
            return null;
        });
    }

    /** Suppression ends; an alarm still active is annunciated now, as if it had just been raised. */
    public void unsuppress(String deviceId, String ruleId, Instant at) {
        change(changes -> {
            if (!alarms.deleteSuppression(deviceId, ruleId)) {
                return null;
            }
            alarms.findOpen(deviceId, ruleId).filter(Alarm::suppressed).ifPresent(alarm -> {
                alarms.setSuppressedBy(alarm.id(), null);
                released(changes, alarm.id(), AlarmAction.UNSUPPRESSED, RULES, at, null);
            });
            return null;
        });
    }

    /**
     * The operator has seen the alarm: ACTIVE_UNACKED becomes ACTIVE_ACKED, RETURNED_UNACKED becomes NORMAL (and so
     * ends the alarm; the next raise opens a new one).
     */
    public Alarm acknowledge(long id, String actor, String reason) {
        return change(changes -> {
            Alarm alarm = find(id).orElseThrow(() -> new NoSuchAlarmException(id));
            AlarmState next = switch (alarm.state()) {
                case ACTIVE_UNACKED -> AlarmState.ACTIVE_ACKED;
                case RETURNED_UNACKED -> AlarmState.NORMAL;
                default -> throw new IllegalAlarmActionException("alarm " + id + " is " + alarm.state() + "; only an unacknowledged alarm "
                        + "(ACTIVE_UNACKED or RETURNED_UNACKED) can be acknowledged");
            };
            if (!alarms.acknowledge(id, alarm.state(), next)) {
                throw new ChangedMeanwhile();
            }
            log.info("alarm acknowledged alarm={} device={} rule={} by={} state={}", id, alarm.deviceId(), alarm.ruleId(), actor, next);
            return changes.record(id, AlarmAction.ACKNOWLEDGED, actor, clock.instant(), blankToNull(reason), false);
        });
    }

    /**
     * An operator shelves a nuisance alarm for a while, with a reason: it is not annunciated (and opens no work order)
     * until {@code until}, at most caretaker.alarms.max-shelve from now. LIFE_SAFETY alarms cannot be shelved.
     */
    public Alarm shelve(long id, String actor, String reason, Instant until) {
        return change(changes -> {
            Alarm alarm = find(id).orElseThrow(() -> new NoSuchAlarmException(id));
            Instant now = clock.instant();
            if (blankToNull(reason) == null) {
                throw new IllegalArgumentException("shelving alarm " + id + " needs a reason: say why, e.g. {\"reason\": \"sensor being replaced\", \"minutes\": 60}");
            }
            if (until == null || !until.isAfter(now)) {
                throw new IllegalArgumentException("shelving alarm " + id + " needs 'until' in the future or 'minutes' > 0");
            }
            Duration max = properties.maxShelve();
            if (Duration.between(now, until).compareTo(max) > 0) {
                throw new IllegalArgumentException("alarm " + id + " can be shelved for at most " + max + " (caretaker.alarms.max-shelve); "
                        + "shelve it until " + now.plus(max) + " or earlier");
            }
            if (alarm.severity() == Severity.LIFE_SAFETY) {
                throw new IllegalAlarmActionException("alarm " + id + " is LIFE_SAFETY and cannot be shelved");
            }
            if (alarm.isOutOfService()) {
                throw new IllegalAlarmActionException("alarm " + id + " is out of service; return it to service before shelving it");
            }
            if (alarm.shelved()) {
                throw new IllegalAlarmActionException("alarm " + id + " is already shelved until " + alarm.shelf().until()
                        + "; unshelve it first to shelve it again");
            }
            alarms.saveShelf(alarm.deviceId(), alarm.ruleId(), new Alarm.Shelf(reason.strip(), actor, now, until));
            log.info("alarm shelved alarm={} device={} rule={} by={} until={}", id, alarm.deviceId(), alarm.ruleId(), actor, until);
            return changes.record(id, AlarmAction.SHELVED, actor, now, reason.strip() + " (until " + until + ")", false);
        });
    }

    /** An operator takes the alarm off the shelf; still active, it is annunciated now. */
    public Alarm unshelve(long id, String actor, String reason) {
        return change(changes -> {
            Alarm alarm = find(id).orElseThrow(() -> new NoSuchAlarmException(id));
            if (!alarms.deleteShelf(alarm.deviceId(), alarm.ruleId())) {
                throw new IllegalAlarmActionException("alarm " + id + " is not shelved");
            }
            log.info("alarm unshelved alarm={} device={} rule={} by={}", id, alarm.deviceId(), alarm.ruleId(), actor);
            return released(changes, id, AlarmAction.UNSHELVED, actor, clock.instant(), blankToNull(reason));
        });
    }

    /** Ends every shelf that has run out by now (scheduled by {@link ShelfWatch}); returns the alarms taken off the shelf. */
    public List<Alarm> expireShelves() {
        Instant now = clock.instant();
        List<Alarm> expired = new ArrayList<>();
        for (AlarmRepository.DeviceRule shelf : change(changes -> alarms.findShelvesExpiredBy(now))) {
            change(changes -> {
                if (!alarms.deleteShelf(shelf.deviceId(), shelf.ruleId())) {
                    return null; // unshelved meanwhile
                }
                Alarm alarm = alarms.findOpen(shelf.deviceId(), shelf.ruleId())
                        .or(() -> alarms.findLatest(shelf.deviceId(), shelf.ruleId())).orElseThrow();
                log.info("alarm shelf expired alarm={} device={} rule={}", alarm.id(), shelf.deviceId(), shelf.ruleId());
                expired.add(released(changes, alarm.id(), AlarmAction.SHELF_EXPIRED, RULES, now, null));
                return null;
            });
        }
        return expired;
    }

    /**
     * Someone removes the alarm from service (its device under repair, a permit to work): it is recorded but not
     * annunciated and opens no work order until returned to service. Allowed for every severity, with a reason.
     */
    public Alarm removeFromService(long id, String actor, String reason) {
        return change(changes -> {
            Alarm alarm = find(id).orElseThrow(() -> new NoSuchAlarmException(id));
            if (blankToNull(reason) == null) {
                throw new IllegalArgumentException("removing alarm " + id + " from service needs a reason, e.g. {\"reason\": \"permit 1234: chiller overhaul\"}");
            }
            if (alarm.isOutOfService()) {
                throw new IllegalAlarmActionException("alarm " + id + " is already out of service since " + alarm.outOfService().since());
            }
            Instant now = clock.instant();
            alarms.saveOutOfService(alarm.deviceId(), alarm.ruleId(), new Alarm.OutOfService(reason.strip(), actor, now));
            log.info("alarm removed from service alarm={} device={} rule={} by={}", id, alarm.deviceId(), alarm.ruleId(), actor);
            return changes.record(id, AlarmAction.REMOVED_FROM_SERVICE, actor, now, reason.strip(), false);
        });
    }

    /** Back in service; still active (and not shelved or suppressed), it is annunciated now. */
    public Alarm returnToService(long id, String actor, String reason) {
        return change(changes -> {
            Alarm alarm = find(id).orElseThrow(() -> new NoSuchAlarmException(id));
            if (blankToNull(reason) == null) {
                throw new IllegalArgumentException("returning alarm " + id + " to service needs a reason, e.g. {\"reason\": \"repair done\"}");
            }
            if (!alarms.deleteOutOfService(alarm.deviceId(), alarm.ruleId())) {
                throw new IllegalAlarmActionException("alarm " + id + " is not out of service");
            }
            log.info("alarm returned to service alarm={} device={} rule={} by={}", id, alarm.deviceId(), alarm.ruleId(), actor);
            return released(changes, id, AlarmAction.RETURNED_TO_SERVICE, actor, clock.instant(), reason.strip());
        });
    }

    /** Something that kept the alarm from the operator ended: annunciate it if it is active and nothing else still does. */
    private Alarm released(Changes changes, long id, AlarmAction action, String actor, Instant at, String reason) {
        Alarm alarm = alarms.findById(id).orElseThrow();
        boolean annunciate = alarm.state().isActive() && !alarm.annunciated() && !alarm.suppressed()
                && annunciable(alarm.deviceId(), alarm.ruleId(), at) && alarms.annunciate(id);
        Alarm changed = changes.record(id, action, actor, at, reason, annunciate);
        if (annunciate) {
            log.info("alarm annunciated alarm={} device={} rule={} after={}", id, alarm.deviceId(), alarm.ruleId(), action);
            changes.publish(new AlarmRaised(changed));
        }
        return changed;
    }

    public Optional<Alarm> find(long id) {
        return alarms.findById(id);
    }

    /** The alarm's audit trail, oldest first. */
    public List<AlarmEvent> history(long id) {
        return alarms.history(id);
    }

    public List<Alarm> active() {
        return alarms.findActive();
    }

    public List<Alarm> all(AlarmState state) {
        return alarms.findAll(state);
    }

    /**
     * Runs one change in a transaction and publishes its events after it committed; a change that lost a race with
     * another writer (the one-open-alarm constraint, a compare-and-set that found the state moved) is run again.
     */
    private <T> T change(Function<Changes, T> work) {
        for (int attempt = 1; ; attempt++) {
            Changes changes = new Changes();
            try {
                T result = transactions.execute(status -> work.apply(changes));
                changes.published.forEach(events::publishEvent);
                return result;
            } catch (DuplicateKeyException | ConcurrencyFailureException | ChangedMeanwhile e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                log.debug("alarm change lost a race, retrying attempt={} cause={}", attempt, e.toString());
            }
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** The events of one change, published once it is stored. */
    private final class Changes {
        private final List<Object> published = new ArrayList<>();

        Alarm record(long id, AlarmAction action, String actor, Instant at, String reason, boolean annunciated) {
            Alarm alarm = alarms.findById(id).orElseThrow();
            alarms.audit(id, action, actor, at, alarm.state(), reason, annunciated);
            published.add(new AlarmChanged(alarm, action, actor, at));
            return alarm;
        }

        void publish(Object event) {
            published.add(event);
        }
    }

    /** Another writer changed the alarm between our read and our write. */
    private static final class ChangedMeanwhile extends RuntimeException {
        ChangedMeanwhile() {
            super("alarm changed meanwhile", null, false, false);
        }
    }

    /** No alarm has this id. */
    public static final class NoSuchAlarmException extends RuntimeException {
        NoSuchAlarmException(long id) {
            super("no alarm " + id + "; GET /api/alarms lists them");
        }
    }
}
