-- Users of the console and the API, one role each (OPERATOR, ENGINEER, DISPATCHER, ADMIN); passwords as
-- Spring Security's delegating hashes ({bcrypt}...), never in clear.
create table console_user (
    username      varchar(50)  not null primary key,
    password_hash varchar(200) not null,
    role          varchar(20)  not null,
    enabled       boolean      not null,
    created_at    timestamp with time zone not null
);
