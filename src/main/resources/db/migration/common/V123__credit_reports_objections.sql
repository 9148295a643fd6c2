-- Every issue of a credit report: who received it, for what purpose, under which consent, and what it
-- held (Credit Reporting Industry Regulation art. 22). The subject sees its own log.
create table credit_report_access (
    id             uuid          not null primary key,
    subject_id     uuid          not null,
    grantee_id     uuid          not null,
    actor          varchar(200)  not null,
    purpose        varchar(40)   not null,
    consent_id     varchar(64),
    self_query     boolean       not null,
    free_of_charge boolean       not null,
    accessed_at    timestamp with time zone not null,
    content        varchar(1000) not null
);
create index credit_report_access_by_subject on credit_report_access (subject_id, accessed_at);

-- The subject's explanatory statement on a record (art. 16), shown with the record in every report.
create table credit_statements (
    id               uuid          not null primary key,
    contribution_id  uuid          not null,
    subject_id       uuid          not null,
    text             varchar(2000) not null,
    created_at       timestamp with time zone not null
);
create index credit_statements_by_contribution on credit_statements (contribution_id);

-- Objections (art. 25): the record is marked disputed, the provider verifies, the registry answers in
-- writing within 20 days: corrected, kept (with reasons) or undetermined (both views recorded).
create table credit_objections (
    id               uuid          not null primary key,
    contribution_id  uuid          not null,
    subject_id       uuid          not null,
    reason           varchar(2000) not null,
    raised_at        timestamp with time zone not null,
    due_by           timestamp with time zone not null,
    state            varchar(16)   not null,
    answer           varchar(2000),
    answered_at      timestamp with time zone,
    answered_by      varchar(200),
    constraint credit_objections_state check (case when state = 'OPEN' then true when state = 'CORRECTED' then true
        when state = 'KEPT' then true when state = 'UNDETERMINED' then true else false end)
);
create index credit_objections_open on credit_objections (state, due_by);

-- Who was told of a decided objection: every party that received a report holding the record since it was received.
create table credit_objection_notices (
    id             uuid          not null primary key,
    objection_id   uuid          not null,
    recipient_id   uuid          not null,
    notified_at    timestamp with time zone not null
);
