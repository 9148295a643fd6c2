-- Supervision: violation cases and their steps (rule-detected or filed by a regulator).

create table supervision_violations (
    id               uuid          not null primary key,
    subject_id       uuid          not null,
    authority_id     uuid,
    source           varchar(16)   not null,
    rule_code        varchar(64)   not null,
    description      varchar(2000) not null,
    state            varchar(16)   not null,
    decision_kind    varchar(16),
    fine_currency    char(3),
    fine_minor       bigint,
    decision_terms   varchar(1000),
    decision_until   date,
    remediation      varchar(2000),
    detection_ref    varchar(200),
    opened_at        timestamp with time zone not null,
    updated_at       timestamp with time zone not null,
    constraint supervision_violations_detection unique (detection_ref),
    constraint supervision_violations_source check (case when source = 'RULE' then true when source = 'REGULATOR' then true else false end),
    constraint supervision_violations_state check (case when state = 'OPEN' then true when state = 'INVESTIGATING' then true
        when state = 'DECIDED' then true when state = 'REMEDIATING' then true when state = 'CLOSED' then true else false end),
    constraint supervision_violations_taken check (case when state = 'OPEN' then true else authority_id is not null end),
    constraint supervision_violations_fine check (fine_minor is null or fine_minor > 0)
);

create index supervision_violations_authority on supervision_violations (authority_id, state);

create table supervision_violation_steps (
    violation_id  uuid          not null,
    step          integer       not null,
    state         varchar(16)   not null,
    actor         varchar(200)  not null,
    note          varchar(2000),
    stepped_at    timestamp with time zone not null,
    constraint supervision_violation_steps_pk primary key (violation_id, step)
);
