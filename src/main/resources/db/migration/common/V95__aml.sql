-- AML monitoring (risk module, versions 95-99): the transaction journal the rules read, alerts, cases
-- with their notes and history, and the LTR/STR reports kept for ten years (AML Law 2024 art. 34,
-- REGULATIONS §4.1). CHECK constraints spell value lists as CASE: see V1.

-- One row per monetary fact another module reported, from the point of view of one customer (a payment
-- is a receipt of its merchant and, when the buyer is a registered party, a payment of that buyer).
-- The id is the source event's identity plus the leg, so a redelivered event adds nothing.
-- Equivalents are computed once, at the reference rate of the transaction's date (fx module).
create table aml_transactions (
    id                    varchar(200)  not null primary key,
    party_id              uuid          not null,
    natural_person        boolean       not null,
    party_country         char(2),
    direction             varchar(6)    not null,
    kind                  varchar(12)   not null,
    cash                  boolean       not null,
    currency              char(3)       not null,
    amount_minor          bigint        not null,
    cny_minor             bigint,
    usd_minor             bigint,
    counterparty          varchar(200),
    counterparty_country  char(2),
    order_reference       varchar(200),
    source_ref            varchar(200)  not null,
    occurred_at           timestamp with time zone not null,
    recorded_at           timestamp with time zone not null,
    evaluated             boolean       not null,
    constraint aml_transactions_direction check (case when direction = 'CREDIT' then true
        when direction = 'DEBIT' then true else false end),
    constraint aml_transactions_kind check (case when kind = 'PAYMENT' then true when kind = 'REFUND' then true
        when kind = 'CHARGEBACK' then true when kind = 'PAYOUT' then true else false end),
    constraint aml_transactions_amount check (amount_minor > 0)
);
create index aml_transactions_by_party on aml_transactions (party_id, occurred_at);
create index aml_transactions_pending on aml_transactions (evaluated, recorded_at);
create index aml_transactions_by_time on aml_transactions (occurred_at);

-- What the trade module told us about orders: deliveries (brushing) and the declared customs value
-- beside the paid amount (over/under-invoicing). Keyed by merchant and order number, as payments carry it.
create table aml_trade_facts (
    merchant_id            uuid          not null,
    order_number           varchar(200)  not null,
    delivered_at           timestamp with time zone,
    paid_currency          char(3),
    paid_minor             bigint,
    declared_currency      char(3),
    declared_minor         bigint,
    updated_at             timestamp with time zone not null,
    constraint aml_trade_facts_pk primary key (merchant_id, order_number)
);

-- A rule's finding about one customer. dedupe_key (rule, subject, window) makes a finding raised twice
-- (event and schedule, two nodes, a redelivered event) one alert, refreshed in place.
create table aml_alerts (
    id              uuid           not null primary key,
    dedupe_key      varchar(400)   not null unique,
    rule_name       varchar(60)    not null,
    category        varchar(4)     not null,
    feature_code    varchar(8),
    party_id        uuid           not null,
    window_key      varchar(100)   not null,
    summary         varchar(2000)  not null,
    amount_cny_minor bigint,
    transaction_refs varchar(8000) not null,
    status          varchar(12)    not null,
    case_id         uuid,
    report_id       uuid,
    raised_at       timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    constraint aml_alerts_category check (case when category = 'LTR' then true when category = 'STR' then true
        else false end),
    constraint aml_alerts_status check (case when status = 'OPEN' then true when status = 'IN_CASE' then true
        when status = 'REPORTED' then true else false end)
);
create index aml_alerts_by_status on aml_alerts (status, raised_at);

create table aml_cases (
    id              uuid           not null primary key,
    party_id        uuid           not null,
    status          varchar(20)    not null,
    assignee        varchar(200),
    preparer        varchar(200),
    proposal        varchar(12),
    rationale       varchar(4000),
    approver        varchar(200),
    due_on          date           not null,
    opened_at       timestamp with time zone not null,
    closed_at       timestamp with time zone,
    report_id       uuid,
    version         integer        not null,
    constraint aml_cases_status check (case when status = 'OPEN' then true when status = 'IN_REVIEW' then true
        when status = 'AWAITING_APPROVAL' then true when status = 'REPORTED' then true
        when status = 'CLOSED_NO_REPORT' then true else false end),
    -- four-eyes (REGULATIONS §4 STR case management): whoever approves did not prepare
    constraint aml_cases_four_eyes check (approver is null or preparer is null or approver <> preparer)
);
create index aml_cases_by_party on aml_cases (party_id, status);

create table aml_case_notes (
    id          uuid           not null primary key,
    case_id     uuid           not null references aml_cases (id),
    author      varchar(200)   not null,
    body        varchar(4000)  not null,
    written_at  timestamp with time zone not null
);
create index aml_case_notes_by_case on aml_case_notes (case_id, written_at);

-- Every status change of a case, append-only.
create table aml_case_history (
    id           uuid           not null primary key,
    case_id      uuid           not null references aml_cases (id),
    seq          integer        not null,
    from_status  varchar(20),
    to_status    varchar(20)    not null,
    actor        varchar(200)   not null,
    detail       varchar(2000),
    changed_at   timestamp with time zone not null,
    constraint aml_case_history_seq unique (case_id, seq)
);

-- Reports as filed: the XML is the record, kept unchanged until keep_until (10 years, art. 34).
create table aml_reports (
    id              uuid           not null primary key,
    report_type     varchar(3)     not null,
    feature_code    varchar(8),
    party_id        uuid           not null,
    case_id         uuid,
    subject_date    date           not null,
    due_on          date           not null,
    transaction_count integer      not null,
    xml             varchar(1000000) not null,
    created_at      timestamp with time zone not null,
    keep_until      date           not null,
    constraint aml_reports_type check (case when report_type = 'LTR' then true when report_type = 'STR' then true
        else false end)
);
create index aml_reports_by_time on aml_reports (created_at);
