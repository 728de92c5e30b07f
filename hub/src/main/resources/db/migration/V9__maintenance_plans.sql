-- Where each device's preventive-maintenance plans stand, so that across restarts none is opened twice and none
-- is missed: calendar plans keep the next due time, run-hour and count plans the run hours or count it is due at.
-- A check moves a plan on only if its cycle is still the one it read, so two hub instances cannot both open it.
create table maintenance_plan_state (
    device_id          varchar(100)             not null,
    plan_id            varchar(100)             not null,
    started_at         timestamp with time zone not null,
    next_due_at        timestamp with time zone,
    next_due_at_count  double precision,
    cycle              integer                  not null,
    last_opened_at     timestamp with time zone,
    last_work_order_id bigint references work_order (id),
    primary key (device_id, plan_id)
);
