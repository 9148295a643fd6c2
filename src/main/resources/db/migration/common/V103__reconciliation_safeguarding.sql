-- Reconciliation of imported bank statements against payouts, and the daily safeguarding report
-- (备付金: customer funds owed in the ledger vs the safeguarding accounts' balances; see REGULATIONS §2).

-- A statement line matched to a payout; a payout matches once (a second line for it is a DUPLICATE).
create table recon_matches (
    payout_id              uuid          not null primary key,
    line_id                varchar(200)  not null unique,
    file_id                varchar(60)   not null,
    matched_at             timestamp with time zone not null
);

-- The exception queue: lines that did not match, with the reason, until someone resolves them.
create table recon_exceptions (
    line_id                varchar(200)  not null primary key,
    file_id                varchar(60)   not null,
    reason                 varchar(20)   not null,
    payout_id              uuid,
    end_to_end_id          varchar(35),
    amount                 bigint        not null,
    currency               char(3)       not null,
    value_date             date,
    created_at             timestamp with time zone not null,
    constraint recon_exceptions_reason check (case when reason = 'MISSING' then true when reason = 'DUPLICATE' then true
        when reason = 'AMOUNT_DIFFERS' then true when reason = 'BANK_FEE_DEDUCTED' then true
        when reason = 'VALUE_DATE_SHIFTED' then true else false end)
);
create index recon_exceptions_by_time on recon_exceptions (created_at);

-- Closing booked balances (CLBD) of the safeguarding accounts, as their statements reported them.
create table safeguarding_balances (
    account                varchar(60)   not null,
    currency               char(3)       not null,
    balance_date           date          not null,
    amount                 bigint        not null,
    file_id                varchar(60)   not null,
    constraint safeguarding_balances_pk primary key (account, currency, balance_date)
);

-- One report per day and currency, kept: coverage = held / owed.
create table safeguarding_reports (
    report_date            date          not null,
    currency               char(3)       not null,
    owed                   bigint        not null,
    held                   bigint        not null,
    coverage_percent       numeric(12, 2),
    shortfall              bigint        not null,
    break_since            date,
    balance_date           date,
    created_at             timestamp with time zone not null,
    constraint safeguarding_reports_pk primary key (report_date, currency)
);
