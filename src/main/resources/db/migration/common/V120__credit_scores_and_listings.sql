-- Credit registry (versions 120-139 belong to the credit module). CHECK constraints spell value lists as CASE.

-- Every score computed, newest last per party: the registry keeps the history so that a report can
-- show how a score moved and which model version produced each value.
create table credit_scores (
    id                 uuid          not null primary key,
    party_id           uuid          not null,
    points             integer       not null,
    grade              char(1)       not null,
    probability_bad    double precision not null,
    model_version      varchar(64)   not null,
    reasons            varchar(4000) not null,
    scored_at          timestamp with time zone not null,
    constraint credit_scores_grade check (case when grade = 'A' then true when grade = 'B' then true
        when grade = 'C' then true when grade = 'D' then true else false end)
);
create index credit_scores_latest on credit_scores (party_id, scored_at);

-- Dishonesty list cases (失信名单, REGULATIONS.md §3.3-3.4): a case opens with an advance notice, may
-- become a listing after the response window, and ends by expiry, credit repair or appeal.
create table credit_listing_cases (
    id                 uuid          not null primary key,
    party_id           uuid          not null,
    party_name         varchar(200)  not null,
    registration_code  varchar(64),
    policy             varchar(64)   not null,
    severity           varchar(16)   not null,
    measure            varchar(16)   not null,
    conduct            varchar(1000) not null,
    evidence           varchar(1000) not null,
    state              varchar(16)   not null,
    noticed_at         timestamp with time zone not null,
    respond_by         timestamp with time zone not null,
    subject_response   varchar(2000),
    listed_at          timestamp with time zone,
    repair_eligible_at timestamp with time zone,
    published_until    timestamp with time zone,
    ended_at           timestamp with time zone,
    end_reason         varchar(1000),
    version            bigint        not null default 0,
    constraint credit_listing_cases_severity check (case when severity = 'MINOR' then true
        when severity = 'GENERAL' then true when severity = 'SERIOUS' then true else false end),
    constraint credit_listing_cases_state check (case when state = 'NOTICED' then true when state = 'LISTED' then true
        when state = 'APPEALED' then true when state = 'WITHDRAWN' then true when state = 'ENDED' then true
        else false end)
);
create index credit_listing_cases_by_party on credit_listing_cases (party_id, state);
create index credit_listing_cases_by_code on credit_listing_cases (registration_code);
