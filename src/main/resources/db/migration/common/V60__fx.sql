-- FX: reference rates, merchants' pricing tiers and quotes. (Versions 60-69 belong to the fx module.)
-- CHECK constraints spell value lists as CASE: see V1.

-- One row per fixing day of a reference-rate source (the ECB publishes one set of rates a working day).
create table fx_fixings (
    fixing_date   date          not null primary key,
    source        varchar(16)   not null,
    currencies    integer       not null,
    imported_at   timestamp with time zone not null
);

-- The rates of each fixing day: units of the currency per 1 EUR, as published (at most 6 significant
-- digits at the ECB). A currency without a rate on a day (N/A) has no row for that day.
create table fx_reference_rates (
    currency       char(3)         not null,
    fixing_date    date            not null,
    units_per_eur  numeric(24, 10) not null,
    constraint fx_reference_rates_pk primary key (currency, fixing_date),
    constraint fx_reference_rates_positive check (units_per_eur > 0)
);

-- A merchant's pricing tier; a merchant without a row is STANDARD.
create table fx_pricing_tiers (
    party_id    uuid          not null primary key,
    tier        varchar(16)   not null,
    updated_at  timestamp with time zone not null,
    updated_by  varchar(200)  not null,
    constraint fx_pricing_tiers_tier check (case when tier = 'STANDARD' then true when tier = 'PREFERRED' then true
        when tier = 'ENTERPRISE' then true else false end)
);

-- Quotes: a rate locked for one party until expires_at, executed at most once. State OPEN → EXECUTING
-- (claimed, the ledger legs submitted) → EXECUTED, or back to OPEN when the ledger refused the legs;
-- "expired" is not stored: an OPEN quote past expires_at is expired.
create table fx_quotes (
    id                  uuid            not null primary key,
    owner_party_id      uuid            not null,
    sell_currency       char(3)         not null,
    buy_currency        char(3)         not null,
    fixed_side          varchar(4)      not null,
    sell_amount         bigint          not null,
    buy_amount          bigint          not null,
    spread_amount       bigint          not null,
    mid_rate            numeric(38, 20) not null,
    client_rate         numeric(38, 20) not null,
    rate_source         varchar(16)     not null,
    fixing_date         date            not null,
    corridor            varchar(16)     not null,
    tier                varchar(16)     not null,
    spread_bps          integer         not null,
    lock_premium_bps    integer         not null,
    lock_seconds        integer         not null,
    created_at          timestamp with time zone not null,
    expires_at          timestamp with time zone not null,
    state               varchar(16)     not null,
    debit_account_id    uuid,
    credit_account_id   uuid,
    claimed_at          timestamp with time zone,
    executed_at         timestamp with time zone,
    constraint fx_quotes_currencies_differ check (sell_currency <> buy_currency),
    constraint fx_quotes_amounts check (sell_amount > 0 and buy_amount > 0 and spread_amount >= 0),
    constraint fx_quotes_rates check (mid_rate > 0 and client_rate > 0 and client_rate <= mid_rate),
    constraint fx_quotes_fixed_side check (case when fixed_side = 'SELL' then true when fixed_side = 'BUY' then true
        else false end),
    constraint fx_quotes_tier check (case when tier = 'STANDARD' then true when tier = 'PREFERRED' then true
        when tier = 'ENTERPRISE' then true else false end),
    constraint fx_quotes_state check (case when state = 'OPEN' then true when state = 'EXECUTING' then true
        when state = 'EXECUTED' then true else false end),
    constraint fx_quotes_lock check (lock_seconds > 0 and expires_at > created_at),
    constraint fx_quotes_margin check (spread_bps >= 0 and lock_premium_bps >= 0 and spread_bps + lock_premium_bps < 10000),
    -- a claimed or executed quote names the accounts it moves money between
    constraint fx_quotes_claim check (case when state = 'OPEN' then true
        when debit_account_id is not null and credit_account_id is not null and claimed_at is not null then true
        else false end),
    constraint fx_quotes_executed check (case when state = 'EXECUTED' then executed_at is not null
        else executed_at is null end)
);
create index fx_quotes_by_owner on fx_quotes (owner_party_id, created_at);
create index fx_quotes_by_state on fx_quotes (state, claimed_at);
