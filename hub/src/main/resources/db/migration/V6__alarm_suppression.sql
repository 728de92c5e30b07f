-- Suppression by design (ISA-18.2): while a (device, rule) is suppressed, e.g. because the device is in
-- COMM_LOSS or its plant is off, its alarm is recorded but not annunciated and opens no work order.
create table alarm_suppression (
    device_id varchar(100)             not null,
    rule_id   varchar(100)             not null,
    reason    varchar(200)             not null,
    since     timestamp with time zone not null,
    primary key (device_id, rule_id)
);
alter table alarm add column suppressed_by varchar(200);
