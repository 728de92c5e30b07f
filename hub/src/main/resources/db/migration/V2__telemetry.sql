-- Telemetry in the relational store (the embedded default): raw samples for a short while, and minute and
-- hour rollups kept longer. A rollup keeps sum and count rather than mean, so rollups of rollups stay exact.
create table telemetry_raw (
    device_id   varchar(100)             not null,
    point_id    varchar(100)             not null,
    observed_at timestamp with time zone not null,
    reading     double precision         not null
);
create index telemetry_raw_point_time on telemetry_raw (device_id, point_id, observed_at);
create index telemetry_raw_time on telemetry_raw (observed_at);

create table telemetry_minute (
    device_id   varchar(100)             not null,
    point_id    varchar(100)             not null,
    bucket      timestamp with time zone not null,
    min_value   double precision         not null,
    max_value   double precision         not null,
    sum_value   double precision         not null,
    count_value bigint                   not null,
    last_at     timestamp with time zone not null,
    last_value  double precision         not null,
    primary key (device_id, point_id, bucket)
);
create index telemetry_minute_time on telemetry_minute (bucket);

create table telemetry_hour (
    device_id   varchar(100)             not null,
    point_id    varchar(100)             not null,
    bucket      timestamp with time zone not null,
    min_value   double precision         not null,
    max_value   double precision         not null,
    sum_value   double precision         not null,
    count_value bigint                   not null,
    last_at     timestamp with time zone not null,
    last_value  double precision         not null,
    primary key (device_id, point_id, bucket)
);
create index telemetry_hour_time on telemetry_hour (bucket);
