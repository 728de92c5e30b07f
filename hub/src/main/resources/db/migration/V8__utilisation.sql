-- Utilisation per device and local day (in the site's time zone): how long its running state was known, how long
-- it ran, how much of that outside the site's occupied hours, and how often it started. Rows are added to as the
-- day goes on, so a restart loses at most the last flush.
create table utilisation_day (
    device_id              varchar(100)     not null,
    local_day              date             not null,
    known_seconds          double precision not null,
    run_seconds            double precision not null,
    unoccupied_run_seconds double precision not null,
    starts                 bigint           not null,
    primary key (device_id, local_day)
);
create index utilisation_day_day on utilisation_day (local_day);
