package io.caretaker.hub.workorders;

import io.caretaker.hub.alarms.Alarm;
import io.caretaker.hub.alarms.AlarmRaised;
import io.caretaker.hub.alarms.AlarmService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Opens the CORRECTIVE work order of every annunciated alarm, on a thread of its own: the thread that raised the alarm
 * (the rules, on the ingest thread) goes on to the next sample at once instead of waiting for the work order's
 * transaction. An alarm whose work order could not be opened (the database refused it, the hub stopped in between) is
 * not lost: every {@code sweep-every}, and at start, annunciated alarms that no work order answers get theirs. Each
 * alarm is answered once ({@link WorkOrderService#openCorrective} returns the existing answer). {@code /actuator/health}
 * shows it as {@code correctiveWorkOrders}: how many it opened, how many alarms still wait, the last failure.
 */
@Component
public class CorrectiveWorkOrders implements SmartLifecycle, HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(CorrectiveWorkOrders.class);
    private static final int SWEEP_BATCH = 500;

    private final WorkOrderService workOrders;
    private final WorkOrderRepository repository;
    private final AlarmService alarms;
    private final Clock clock;
    private final Duration sweepEvery;
    private final BlockingQueue<Alarm> raised = new LinkedBlockingQueue<>();
    private volatile Thread thread;
    private final AtomicLong opened = new AtomicLong();
    private volatile int waiting;
    private volatile Instant lastFailureAt;
    private volatile String lastFailure;

    CorrectiveWorkOrders(WorkOrderService workOrders, WorkOrderRepository repository, AlarmService alarms, Clock clock,
                         CorrectiveWorkOrderProperties properties) {
        this.workOrders = workOrders;
        this.repository = repository;
        this.alarms = alarms;
        this.clock = clock;
        this.sweepEvery = properties.sweepEvery();
    }

    /** Published after the alarm is stored; the work order follows on this component's thread. */
    @EventListener
    void onAlarmRaised(AlarmRaised event) {
        raised.add(event.alarm());
    }

    /** Opens the work orders of the alarms raised so far; returns how many alarms it took. */
    int openRaised() {
        int taken = 0;
        for (Alarm alarm; (alarm = raised.poll()) != null; taken++) {
            open(alarm, false);
        }
        return taken;
    }

    /** Opens the work order of every annunciated alarm that none answers; returns how many it opened. */
    int sweep() {
        int openedNow = 0;
        List<Long> unanswered;
        try {
            unanswered = repository.findUnansweredAlarms(SWEEP_BATCH);
        } catch (RuntimeException e) {
            failed(e);
            log.warn("alarms without a work order could not be looked for; trying again in {} cause={}", sweepEvery, e.toString());
            return 0;
        }
        for (long id : unanswered) {
            Alarm alarm = alarms.find(id).orElse(null);
            if (alarm != null && open(alarm, true)) {
                openedNow++;
            }
        }
        waiting = unanswered.size() - openedNow;
        return openedNow;
    }

    private boolean open(Alarm alarm, boolean late) {
        try {
            WorkOrder workOrder = workOrders.openCorrective(alarm);
            opened.incrementAndGet();
            if (late) {
                log.warn("alarm had no work order, opened it now alarm={} device={} rule={} raisedAt={} workOrder={}",
                        alarm.id(), alarm.deviceId(), alarm.ruleId(), alarm.raisedAt(), workOrder.id());
            }
            return true;
        } catch (RuntimeException e) {
            failed(e);
            log.warn("work order for an alarm could not be opened; the sweep tries again within {} alarm={} device={} rule={} cause={}",
                    sweepEvery, alarm.id(), alarm.deviceId(), alarm.ruleId(), e.toString());
            return false;
        }
    }

    private void failed(RuntimeException e) {
        lastFailureAt = clock.instant();
        lastFailure = e.toString();
    }

    /** Work orders opened since start, alarms the last sweep left waiting for theirs, and the last failure. */
    @Override
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("opened", opened.get());
        details.put("waitingAfterLastSweep", waiting);
        details.put("lastFailureAt", lastFailureAt == null ? "never" : lastFailureAt.toString());
        if (lastFailure != null) {
            details.put("lastFailure", lastFailure);
        }
        return Health.up().withDetails(details).build();
    }

    private void run() {
        Instant nextSweep = Instant.MIN;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                if (!clock.instant().isBefore(nextSweep)) {
                    openRaised();
                    sweep();
                    nextSweep = clock.instant().plus(sweepEvery);
                }
                long untilSweep = Math.min(sweepEvery.toMillis(), Duration.between(clock.instant(), nextSweep).toMillis());
                Alarm alarm = raised.poll(Math.max(1, untilSweep), TimeUnit.MILLISECONDS);
                if (alarm != null) {
                    open(alarm, false);
                    openRaised();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        thread = new Thread(this::run, "corrective-work-orders");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        if (thread == null) {
            return;
        }
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null; // alarms still waiting are stored unanswered: the first sweep after the next start opens them
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }
}
