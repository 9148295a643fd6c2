-- Supervision: payment institutions' licences and pilot zones held as data (regulations notes §1.2, §2).

create table supervision_institutions (
    party_id            uuid          not null primary key,
    licence_number      varchar(64)   not null,
    scopes              varchar(1000) not null,
    regions             varchar(1000) not null,
    valid_from          date          not null,
    valid_to            date          not null,
    limit_currency      char(3)       not null,
    limit_minor         bigint        not null,
    registered_at       timestamp with time zone not null,
    constraint supervision_institutions_licence unique (licence_number),
    constraint supervision_institutions_validity check (valid_to >= valid_from),
    constraint supervision_institutions_limit check (limit_minor > 0)
);

-- A zone's current policy; every change is a new version, the previous ones kept in the history table.
create table supervision_pilot_zones (
    code          varchar(40)   not null primary key,
    name          varchar(200)  not null,
    capabilities  varchar(2000) not null,
    limits        varchar(4000) not null,
    cohort        varchar(8000) not null,
    starts_on     date          not null,
    sunset_on     date,
    version       integer       not null,
    changed_at    timestamp with time zone not null,
    changed_by    varchar(200)  not null,
    constraint supervision_pilot_zones_dates check (sunset_on is null or sunset_on > starts_on)
);

create table supervision_pilot_zone_history (
    code          varchar(40)   not null,
    version       integer       not null,
    policy        varchar(8000) not null,
    changed_at    timestamp with time zone not null,
    changed_by    varchar(200)  not null,
    constraint supervision_pilot_zone_history_pk primary key (code, version)
);
