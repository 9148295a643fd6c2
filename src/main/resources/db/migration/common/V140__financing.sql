-- Financing (issue 8; versions 140-159 belong to the financing module). Lenders publish lending
-- programmes (a product's terms and limits by credit grade); offers to merchants are drawn from them;
-- a loan goes from application through underwriting to a contract, disbursement and servicing. Every
-- amount is in minor units of the loan's currency; every money movement is also a ledger transfer, and
-- these tables only say what is owed and when (the ledger says what moved). Parties are referenced by
-- id without foreign keys into the party module's tables. CHECK constraints spell value lists as CASE
-- (see V1).

create table lending_programmes (
    id                  uuid          not null primary key,
    lender_id           uuid          not null,
    name                varchar(100)  not null,
    product             varchar(16)   not null,
    currency            char(3)       not null,
    annual_rate         numeric(12,8) not null,
    months              int           not null,
    method              varchar(20)   not null,
    day_count           varchar(8)    not null,
    upfront_fee_bps     int           not null,
    fixed_fee_bps       int           not null,
    holdback_bps        int           not null,
    min_payment_bps     int           not null,
    period_days         int           not null,
    penalty_rate        numeric(12,8) not null,
    servicing_fee_bps   int           not null,
    created_at          timestamp with time zone not null,
    constraint lending_programmes_product check (case when product = 'TERM_LOAN' then true
        when product = 'REVENUE_BASED' then true else false end),
    constraint lending_programmes_terms check (case when annual_rate >= 0 and months between 1 and 360
        and upfront_fee_bps between 0 and 5000 and fixed_fee_bps between 0 and 5000 and holdback_bps between 0 and 10000
        and min_payment_bps between 0 and 10000 and period_days between 1 and 366 and penalty_rate >= 0
        and servicing_fee_bps between 0 and 10000 then true else false end)
);
create index lending_programmes_by_currency on lending_programmes (currency, product);

-- the most a merchant of a credit grade may borrow under a programme (UNRATED: no known standing)
create table lending_programme_limits (
    programme_id        uuid          not null,
    grade               varchar(10)   not null,
    max_principal       bigint        not null,
    primary key (programme_id, grade),
    constraint lending_programme_limits_amount check (max_principal > 0)
);

create table loans (
    id                  uuid          not null primary key,
    programme_id        uuid          not null,
    merchant_id         uuid          not null,
    lender_id           uuid          not null,
    reference           varchar(100)  not null,
    product             varchar(16)   not null,
    currency            char(3)       not null,
    principal           bigint        not null,
    annual_rate         numeric(12,8) not null,
    months              int           not null,
    method              varchar(20)   not null,
    day_count           varchar(8)    not null,
    upfront_fee         bigint        not null,
    fixed_fee           bigint        not null,
    holdback_bps        int           not null,
    min_payment         bigint        not null,
    period_days         int           not null,
    penalty_rate        numeric(12,8) not null,
    servicing_fee_bps   int           not null,
    apr                 numeric(16,10),
    effective_rate      numeric(16,10),
    grade               varchar(10)   not null,
    state               varchar(12)   not null,
    decision            varchar(2000),
    disbursed_on        date,
    accrued_through     date,
    days_past_due       int           not null,
    classification      varchar(16)   not null,
    breach_status       varchar(12)   not null,
    closed_on           date,
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null,
    constraint loans_reference unique (merchant_id, reference),
    constraint loans_amounts check (case when principal > 0 and upfront_fee >= 0 and fixed_fee >= 0
        and upfront_fee < principal and min_payment >= 0 and days_past_due >= 0 then true else false end),
    constraint loans_state check (case when state = 'APPLIED' then true when state = 'REFERRED' then true
        when state = 'DECLINED' then true when state = 'APPROVED' then true when state = 'ACTIVE' then true
        when state = 'DEFAULTED' then true when state = 'CLOSED' then true else false end),
    constraint loans_classification check (case when classification = 'NORMAL' then true
        when classification = 'SPECIAL_MENTION' then true when classification = 'SUBSTANDARD' then true
        when classification = 'DOUBTFUL' then true when classification = 'LOSS' then true else false end)
);
create index loans_by_merchant on loans (merchant_id, created_at);
create index loans_by_lender on loans (lender_id, state);
create index loans_by_state on loans (state);

-- the schedule as contracted: what falls due when, and what of it has been paid (REGULATIONS.md §6.2)
create table loan_instalments (
    loan_id             uuid          not null,
    period              int           not null,
    due_date            date          not null,
    principal           bigint        not null,
    interest            bigint        not null,
    fee                 bigint        not null,
    accrued_interest    bigint        not null,
    paid_principal      bigint        not null,
    paid_interest       bigint        not null,
    paid_fee            bigint        not null,
    primary key (loan_id, period),
    constraint loan_instalments_paid check (case when principal >= 0 and interest >= 0 and fee >= 0
        and paid_principal between 0 and principal and paid_interest between 0 and interest
        and paid_fee between 0 and fee and accrued_interest between 0 and interest then true else false end)
);

-- penalty interest accrued on overdue amounts and not yet paid, per loan (REGULATIONS.md §6.3 caps it)
create table loan_penalties (
    loan_id             uuid          not null primary key,
    accrued             bigint        not null,
    paid                bigint        not null,
    constraint loan_penalties_amounts check (case when paid between 0 and accrued then true else false end)
);

create table loan_repayments (
    id                  uuid          not null primary key,
    loan_id             uuid          not null,
    reference           varchar(100)  not null,
    source              varchar(12)   not null,
    amount              bigint        not null,
    penalty             bigint        not null,
    interest            bigint        not null,
    fee                 bigint        not null,
    principal           bigint        not null,
    servicing_fee       bigint        not null,
    paid_on             date          not null,
    created_at          timestamp with time zone not null,
    constraint loan_repayments_reference unique (loan_id, reference),
    constraint loan_repayments_split check (case when amount > 0 and penalty >= 0 and interest >= 0 and fee >= 0
        and principal >= 0 and amount = penalty + interest + fee + principal and servicing_fee >= 0 then true else false end),
    constraint loan_repayments_source check (case when source = 'MANUAL' then true when source = 'SWEEP' then true
        when source = 'DEBIT' then true when source = 'DISBURSEMENT' then true
        when source = 'GUARANTEE' then true else false end)
);
create index loan_repayments_by_loan on loan_repayments (loan_id, created_at);

-- how far the sweep has read each merchant balance's ledger history (the last transfer it considered)
create table loan_sweep_cursors (
    account_id          uuid          not null primary key,
    last_cursor         varchar(20)   not null,
    updated_at          timestamp with time zone not null
);

create table loan_classifications (
    loan_id             uuid          not null,
    changed_on          date          not null,
    from_class          varchar(16)   not null,
    to_class            varchar(16)   not null,
    days_past_due       int           not null,
    primary key (loan_id, changed_on, to_class)
);

create table loan_reminders (
    loan_id             uuid          not null,
    period              int           not null,
    kind                varchar(16)   not null,
    sent_on             date          not null,
    primary key (loan_id, period, kind)
);
