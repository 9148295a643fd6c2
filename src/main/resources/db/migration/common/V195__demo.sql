-- The demo market (demo module, versions 195-199): whether the simulation has run on this database, so that
-- a restart of the embedded demo does not play it again, and the demo's console logins, printed at every
-- start-up. Demo-only credentials of an embedded database, never created in production (finbridge.demo.enabled).
create table demo_runs (
    name         varchar(40)  not null primary key,
    seed         bigint       not null,
    sellers      integer      not null,
    days         integer      not null,
    started_at   timestamp with time zone not null,
    finished_at  timestamp with time zone,
    summary      varchar(4000)
);

create table demo_logins (
    role         varchar(40)  not null primary key,
    email        varchar(254) not null,
    password     varchar(72)  not null,
    totp_secret  varchar(64)  not null,
    party_id     uuid         not null
);
