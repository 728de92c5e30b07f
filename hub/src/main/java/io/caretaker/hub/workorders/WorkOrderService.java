package io.caretaker.hub.workorders;

import io.caretaker.deviceprofiles.site.InstalledDevice;
import io.caretaker.deviceprofiles.site.Site;
import io.caretaker.hub.alarms.Alarm;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens work orders (a CORRECTIVE one per device fault, a REQUEST from the service desk) and moves them through
 * the repair procedure, auditing every step with who and when.
 */
@Service
public class WorkOrderService {

    private static final Logger log = LoggerFactory.getLogger(WorkOrderService.class);
    private static final String SYSTEM = "caretaker";

    private final WorkOrderRepository workOrders;
    private final SlaClock sla;
    private final Site site;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Duration repeatWindow;

    WorkOrderService(WorkOrderRepository workOrders, SlaClock sla, Site site, Clock clock, ApplicationEventPublisher events) {
        this.workOrders = workOrders;
        this.sla = sla;
        this.site = site;
        this.clock = clock;
        this.events = events;
        this.repeatWindow = sla.repeatWindow();
    }

    private WorkOrder changed(String type, long id, String actor, Instant at) {
        WorkOrder workOrder = workOrders.findById(id).orElseThrow();
        events.publishEvent(new WorkOrderChanged(type, workOrder, actor, at));
        return workOrder;
    }

    /**
     * The alarm's work order, its due times counted from the raise. While a corrective work order for the same
     * device and fault is still unfinished, the new alarm is counted as another occurrence of it instead; when one was
     * closed within the repeat window, the new work order is linked to it as a repair that did not last. For an alarm
     * already answered it returns that work order and changes nothing, so opening it twice is harmless.
     */
    @Transactional
    public WorkOrder openCorrective(Alarm alarm) {
        Optional<WorkOrder> existing = workOrders.findAnswering(alarm.id());
        if (existing.isPresent()) {
            return existing.get();
        }
        Optional<WorkOrder> open = workOrders.findOpenCorrective(alarm.deviceId(), alarm.ruleId());
        if (open.isPresent()) {
            workOrders.addOccurrence(open.get().id());
            workOrders.answer(alarm.id(), open.get().id());
            workOrders.audit(open.get().id(), "recurrence", open.get().status(), open.get().status(), SYSTEM, alarm.raisedAt(),
                    "alarm=" + alarm.id());
            log.info("fault recurred on an open work order workOrder={} device={} rule={} alarm={}",
                    open.get().id(), alarm.deviceId(), alarm.ruleId(), alarm.id());
            return changed("recurred", open.get().id(), SYSTEM, alarm.raisedAt());
        }
        Tier tier = Tier.of(alarm.severity());
        Optional<InstalledDevice> device = site.device(alarm.deviceId());
        WorkOrder.Location location = device.map(d -> new WorkOrder.Location(d.building(), d.floor(), d.room()))
                .orElse(new WorkOrder.Location(null, null, null));
        String where = location.building() == null ? "" : " (" + location.building() + (location.room() == null ? "" : " / " + location.room()) + ")";
        String title = alarm.message() + " — " + alarm.deviceId() + where;
        long id = workOrders.insert(WorkOrderKind.CORRECTIVE, alarm.deviceId(), alarm.ruleId(), tier, title, null, location,
                new WorkOrder.Contact(null, null), alarm.raisedAt(), sla.dueTimes(tier, alarm.raisedAt()), alarm.id());
        workOrders.answer(alarm.id(), id);
        workOrders.audit(id, "open", null, WorkOrderStatus.OPEN, SYSTEM, alarm.raisedAt(), "alarm=" + alarm.id());
        workOrders.findClosedCorrectiveSince(alarm.deviceId(), alarm.ruleId(), alarm.raisedAt().minus(repeatWindow))
                .ifPresent(earlier -> {
                    workOrders.markRepeatOf(id, earlier);
                    log.info("fault came back after its repair workOrder={} repeatOf={} device={} rule={}", id, earlier, alarm.deviceId(), alarm.ruleId());
                });
        WorkOrder workOrder = changed("opened", id, SYSTEM, alarm.raisedAt());
        log.info("work order opened workOrder={} kind=CORRECTIVE device={} tier={} alarm={} respondBy={} resolveBy={}",
                id, alarm.deviceId(), tier, alarm.id(), workOrder.respondBy(), workOrder.resolveBy());
        return workOrder;
    }

    /**
     * An IDLE_REVIEW work order for engineers: the device was idle or ran when it should not ({@code finding} names
     * which). At most one is open per device and finding; while one is, nothing new opens.
     */
    @Transactional
    public Optional<WorkOrder> openIdleReview(String deviceId, String finding, String title, String description) {
        if (workOrders.findOpen(WorkOrderKind.IDLE_REVIEW, deviceId, finding).isPresent()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        long id = workOrders.insert(WorkOrderKind.IDLE_REVIEW, deviceId, finding, Tier.MINOR, title, description, locationOf(deviceId),
                new WorkOrder.Contact(null, null), now, sla.dueTimes(Tier.MINOR, now), null);
        workOrders.audit(id, "open", null, WorkOrderStatus.OPEN, SYSTEM, now, "finding=" + finding);
        log.info("work order opened workOrder={} kind=IDLE_REVIEW device={} finding={}", id, deviceId, finding);
        return Optional.of(changed("opened", id, SYSTEM, now));
    }

    /**
     * A PREVENTIVE work order for a maintenance plan: dispatch and respond clocks from its tier, resolve by when the
     * maintenance is due (or the tier's resolve time, when that is later, e.g. when it opens late). While the plan's
     * previous work order is unfinished, a new cycle counts as another occurrence of it instead.
     */
    @Transactional
    public WorkOrder openPreventive(String deviceId, String planId, Tier tier, String title, String description, Instant dueAt) {
        Instant now = clock.instant();
        Optional<WorkOrder> open = workOrders.findOpen(WorkOrderKind.PREVENTIVE, deviceId, planId);
        if (open.isPresent()) {
            workOrders.addOccurrence(open.get().id());
            workOrders.audit(open.get().id(), "recurrence", open.get().status(), open.get().status(), SYSTEM, now, "due=" + dueAt);
            log.info("maintenance due again on an open work order workOrder={} device={} plan={} due={}", open.get().id(), deviceId, planId, dueAt);
            return changed("recurred", open.get().id(), SYSTEM, now);
        }
        SlaClock.DueTimes due = sla.dueTimes(tier, now);
        if (dueAt != null && dueAt.isAfter(due.resolveBy())) {
            due = new SlaClock.DueTimes(due.dispatchBy(), due.respondBy(), dueAt);
        }
        long id = workOrders.insert(WorkOrderKind.PREVENTIVE, deviceId, planId, tier, title, description, locationOf(deviceId),
                new WorkOrder.Contact(null, null), now, due, null);
        workOrders.audit(id, "open", null, WorkOrderStatus.OPEN, SYSTEM, now, "plan=" + planId + " due=" + dueAt);
        log.info("work order opened workOrder={} kind=PREVENTIVE device={} plan={} due={}", id, deviceId, planId, dueAt);
        return changed("opened", id, SYSTEM, now);
    }

    private WorkOrder.Location locationOf(String deviceId) {
        return site.device(deviceId).map(d -> new WorkOrder.Location(d.building(), d.floor(), d.room()))
                .orElse(new WorkOrder.Location(null, null, null));
    }

    /** A repair request (报修) from the service desk. */
    @Transactional
    public WorkOrder openRequest(RepairRequest request) {
        String problem = request.problem();
        if (problem != null) {
            throw new IllegalArgumentException("repair request: " + problem);
        }
        if (request.deviceId() != null && site.device(request.deviceId()).isEmpty()) {
            throw new IllegalArgumentException("repair request: deviceId '" + request.deviceId() + "' is not in the site file; leave it out or name an installed device");
        }
        Instant now = clock.instant();
        Tier tier = request.effectiveTier();
        SlaClock.DueTimes due = sla.dueTimes(tier, now);
        if (Boolean.TRUE.equals(request.urgent())) {
            due = new SlaClock.DueTimes(now, due.respondBy(), due.resolveBy()); // urgent repairs go to engineering at once
        }
        long id = workOrders.insert(WorkOrderKind.REQUEST, request.deviceId(), null, tier, request.title(), request.description(),
                new WorkOrder.Location(request.building(), request.floor(), request.room()),
                new WorkOrder.Contact(request.contactName(), request.contactPhone()), now, due, null);
        workOrders.audit(id, "open", null, WorkOrderStatus.OPEN, request.actor(), now, request.urgent() == Boolean.TRUE ? "urgent" : null);
        log.info("work order opened workOrder={} kind=REQUEST tier={} building={}", id, tier, request.building());
        return changed("opened", id, request.actor(), now);
    }

    /** Applies a transition, or refuses it: {@link IllegalTransitionException} when the status does not allow it. */
    @Transactional
    public WorkOrder apply(long id, Transition transition, TransitionRequest request) {
        WorkOrder workOrder = find(id).orElseThrow(() -> new NoSuchWorkOrderException(id));
        if (!transition.allowedFrom(workOrder.status())) {
            throw new IllegalTransitionException(id, transition, workOrder.status());
        }
        String missing = request.missingFor(transition);
        if (missing != null) {
            throw new IllegalArgumentException("'" + transition.pathName() + "' of work order " + id + " needs " + missing);
        }
        Instant now = clock.instant();
        WorkOrderStatus next = transition.to();
        switch (transition) {
            case DISPATCH -> workOrders.dispatch(id, request.trade(), request.assignee());
            case COMPLETE -> workOrders.complete(id, now, sla.followUpBy(now));
            case FOLLOW_UP -> {
                // a dissatisfied owner reopens the work (DOMAIN.md): it goes back to the dispatcher
                next = request.satisfied() ? WorkOrderStatus.FOLLOWED_UP : WorkOrderStatus.OPEN;
                workOrders.followedUp(id, request.satisfied(), next);
            }
            default -> workOrders.moveTo(id, next);
        }
        workOrders.audit(id, transition.pathName(), workOrder.status(), next, request.actor(), now, request.details());
        log.info("work order moved workOrder={} transition={} from={} to={} actor={}", id, transition.pathName(), workOrder.status(), next, request.actor());
        return changed(transition.pathName(), id, request.actor(), now);
    }

    public Optional<WorkOrder> find(long id) {
        return workOrders.findById(id);
    }

    public List<WorkOrderEvent> history(long id) {
        return workOrders.events(id);
    }

    public List<WorkOrder> all(WorkOrderStatus status) {
        return workOrders.findAll(status);
    }

    /** No work order with this id. */
    public static class NoSuchWorkOrderException extends RuntimeException {
        public NoSuchWorkOrderException(long id) {
            super("no work order " + id);
        }
    }
}
