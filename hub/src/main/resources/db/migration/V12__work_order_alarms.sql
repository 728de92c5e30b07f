-- Every alarm a corrective work order answers: the alarm that opened it and each later alarm of the same fault that
-- was counted as another occurrence while it was unfinished. An annunciated alarm with no row here has no work order
-- yet (opening it failed, or the hub stopped in between); the work-order sweep opens it.
create table work_order_alarm (
    alarm_id      bigint primary key references alarm (id),
    work_order_id bigint not null references work_order (id)
);
create index work_order_alarm_work_order on work_order_alarm (work_order_id);

insert into work_order_alarm (alarm_id, work_order_id)
select alarm_id, id from work_order where alarm_id is not null;

-- alarms counted as occurrences before this migration are named in their work order's audit trail
insert into work_order_alarm (alarm_id, work_order_id)
select a.id, min(e.work_order_id)
from alarm a
         join work_order_event e on e.transition = 'recurrence' and e.details = concat('alarm=', a.id)
where not exists (select 1 from work_order_alarm l where l.alarm_id = a.id)
group by a.id;
