-- Settlement: per-merchant release policies, the captured payments settlement tracks, settlement runs
-- with their lines (one ledger transfer each, id derived from run, payment and kind) and the statement
-- each merchant receives per run. (Versions 100-119 belong to the settlement module.)
-- CHECK constraints spell value lists as CASE: see V1.

create table settlement_policies (
    merchant_id            uuid          not null primary key,
    release_mode           varchar(20)   not null,
    holding_days           integer       not null,
    calendar_code          varchar(20)   not null,
    reserve_basis_points   bigint        not null,
    reserve_days           integer       not null,
    minimum_payout_minor   bigint        not null,
    updated_by             varchar(200)  not null,
    updated_at             timestamp with time zone not null,
    constraint settlement_policies_mode check (case when release_mode = 'HOLDING_PERIOD' then true
        when release_mode = 'ON_DELIVERY' then true else false end),
    constraint settlement_policies_ranges check (case when holding_days >= 0 and holding_days <= 60
        and reserve_basis_points >= 0 and reserve_basis_points <= 10000 and reserve_days >= 0
        and reserve_days <= 365 and minimum_payout_minor >= 0 then true else false end)
);

-- A captured payment as settlement sees it, and how much of it has moved so far. A row is written
-- in the payment's own transaction when its first capture is recorded.
create table settlement_payments (
    payment_id             uuid          not null primary key,
    merchant_id            uuid          not null,
    currency               char(3)       not null,
    captured_at            timestamp with time zone not null,
    settled                bigint        not null default 0,
    reserve_withheld       bigint        not null default 0,
    reserve_released       bigint        not null default 0
);
create index settlement_payments_by_merchant on settlement_payments (merchant_id, currency);

-- Delivery confirmations (release on delivery), kept apart because they may arrive before the capture.
create table settlement_deliveries (
    payment_id             uuid          not null primary key,
    delivered_at           timestamp with time zone not null,
    recorded_by            varchar(200)  not null
);

-- One run per business date. A node claims it by moving the lease forward in a conditional update,
-- so two nodes never work on one run at once, and a run whose node died is taken over after the lease.
create table settlement_runs (
    id                     uuid          not null primary key,
    business_date          date          not null,
    status                 varchar(12)   not null,
    triggered_by           varchar(200)  not null,
    claimed_by             varchar(100),
    lease_until            timestamp with time zone,
    attempts               integer       not null default 0,
    created_at             timestamp with time zone not null,
    planned_at             timestamp with time zone,
    completed_at           timestamp with time zone,
    constraint settlement_runs_date unique (business_date),
    constraint settlement_runs_status check (case when status = 'CREATED' then true when status = 'PLANNED' then true
        when status = 'COMPLETED' then true else false end)
);

-- The run's plan, written in one transaction before anything moves: one line per payment and kind.
create table settlement_lines (
    run_id                 uuid          not null,
    payment_id             uuid          not null,
    kind                   varchar(20)   not null,
    merchant_id            uuid          not null,
    currency               char(3)       not null,
    amount                 bigint        not null,
    transfer_id            uuid          not null,
    status                 varchar(10)   not null,
    result                 varchar(60),
    constraint settlement_lines_pk primary key (run_id, payment_id, kind),
    constraint settlement_lines_run foreign key (run_id) references settlement_runs (id),
    constraint settlement_lines_transfer unique (transfer_id),
    constraint settlement_lines_amount check (case when amount > 0 then true else false end),
    constraint settlement_lines_kind check (case when kind = 'RELEASE' then true when kind = 'RECOVERY' then true
        when kind = 'RESERVE_WITHHOLD' then true when kind = 'RESERVE_RELEASE' then true else false end),
    constraint settlement_lines_status check (case when status = 'PENDING' then true when status = 'POSTED' then true
        when status = 'REFUSED' then true else false end)
);
create index settlement_lines_by_merchant on settlement_lines (merchant_id, run_id);

-- The statement of one merchant and currency for one run: totals of its posted lines.
create table settlement_statements (
    id                     uuid          not null primary key,
    run_id                 uuid          not null,
    merchant_id            uuid          not null,
    currency               char(3)       not null,
    released               bigint        not null,
    recovered              bigint        not null,
    reserve_withheld       bigint        not null,
    reserve_released       bigint        not null,
    net_to_available       bigint        not null,
    line_count             integer       not null,
    refused_count          integer       not null,
    created_at             timestamp with time zone not null,
    constraint settlement_statements_one unique (run_id, merchant_id, currency),
    constraint settlement_statements_run foreign key (run_id) references settlement_runs (id)
);
create index settlement_statements_by_merchant on settlement_statements (merchant_id, created_at);
