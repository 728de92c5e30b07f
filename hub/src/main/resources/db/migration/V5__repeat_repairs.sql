-- A fault that comes back soon after its work order was closed links to that work order: the repair did not
-- last, which is what the first-time-fix rate counts.
alter table work_order add column repeat_of bigint references work_order (id);
