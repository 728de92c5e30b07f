package io.caretaker.hub.workorders;

import io.caretaker.deviceprofiles.site.Site;
import io.caretaker.hub.alarms.Alarm;
import io.caretaker.hub.alarms.AlarmRaised;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens work orders: a CORRECTIVE one for every new alarm, its tier from the alarm's severity. */
@Service
public class WorkOrderService {

    private static final Logger log = LoggerFactory.getLogger(WorkOrderService.class);

    private final WorkOrderRepository workOrders;
    private final SlaClock sla;
    private final Site site;

    WorkOrderService(WorkOrderRepository workOrders, SlaClock sla, Site site) {
        this.workOrders = workOrders;
        this.sla = sla;
        this.site = site;
    }

    @EventListener
    @Transactional
    public void onAlarmRaised(AlarmRaised event) {
        openCorrective(event.alarm());
    }

    /** The alarm's work order; opened with due times counted from the alarm's raise time. */
    @Transactional
    public WorkOrder openCorrective(Alarm alarm) {
        var existing = workOrders.findByAlarm(alarm.id());
        if (existing.isPresent()) {
            return existing.get();
        }
        Tier tier = Tier.of(alarm.severity());
        String where = site.device(alarm.deviceId()).map(d -> d.building() + (d.room() == null ? "" : " / " + d.room())).orElse("");
        String title = alarm.message() + " — " + alarm.deviceId() + (where.isEmpty() ? "" : " (" + where + ")");
        long id = workOrders.insert(WorkOrderKind.CORRECTIVE, alarm.deviceId(), tier, title, alarm.raisedAt(),
                sla.dueTimes(tier, alarm.raisedAt()), alarm.id());
        WorkOrder workOrder = workOrders.findById(id).orElseThrow();
        log.info("work order opened workOrder={} kind=CORRECTIVE device={} tier={} alarm={} respondBy={} resolveBy={}",
                id, alarm.deviceId(), tier, alarm.id(), workOrder.respondBy(), workOrder.resolveBy());
        return workOrder;
    }

    public List<WorkOrder> all(WorkOrderStatus status) {
        return workOrders.findAll(status);
    }
}
