-- The ledger: accounts and transfers with TigerBeetle's semantics on SQL (DESIGN.md section 4).
-- Every rule a constraint can state is stated here, so the invariants hold even if the code is wrong.
-- Note for every migration: a CHECK constraint spells a list of allowed values as a CASE, never as
-- IN ('a', 'b') or as a chain of ORs (which H2 rewrites into IN): H2 2.4 binds such a list to the
-- session that ran the DDL, and once that connection is closed (the pool retires it after 30 minutes)
-- every insert fails with "Check constraint invalid".

create table ledger_accounts (
    id                              uuid         not null primary key,
    currency                        char(3)      not null,
    type                            varchar(40)  not null,
    owner_ref                       varchar(100),
    debits_must_not_exceed_credits  boolean      not null,
    credits_must_not_exceed_debits  boolean      not null,
    history                         boolean      not null,
    debits_posted                   bigint       not null default 0,
    credits_posted                  bigint       not null default 0,
    debits_pending                  bigint       not null default 0,
    credits_pending                 bigint       not null default 0,
    created_at                      timestamp with time zone not null,
    constraint ledger_accounts_id_currency unique (id, currency),
    constraint ledger_accounts_amounts_not_negative
        check (debits_posted >= 0 and credits_posted >= 0 and debits_pending >= 0 and credits_pending >= 0),
    constraint ledger_accounts_limit_flags_exclusive
        check (not (debits_must_not_exceed_credits and credits_must_not_exceed_debits)),
    -- an account that may not be overdrawn: what it owes (posted and held) never exceeds what it has
    constraint ledger_accounts_debits_within_credits
        check (not debits_must_not_exceed_credits or debits_posted + debits_pending <= credits_posted),
    constraint ledger_accounts_credits_within_debits
        check (not credits_must_not_exceed_debits or credits_posted + credits_pending <= debits_posted)
);

create index ledger_accounts_owner on ledger_accounts (owner_ref);

-- kind: POSTED (a plain transfer), PENDING (a hold), POST_PENDING and VOID_PENDING (resolve a hold).
create table ledger_transfers (
    id                 uuid         not null primary key,
    seq                bigint       generated always as identity,
    debit_account_id   uuid         not null,
    credit_account_id  uuid         not null,
    amount             bigint       not null,
    currency           char(3)      not null,
    kind               varchar(12)  not null,
    pending_id         uuid,
    timeout_seconds    integer      not null,
    expires_at         timestamp with time zone,
    code               varchar(40)  not null,
    external_ref       varchar(100),
    linked             boolean      not null,
    created_at         timestamp with time zone not null,
    constraint ledger_transfers_seq unique (seq),
    -- No foreign keys to the accounts, deliberately: each batch already reads and locks both accounts of
    -- every transfer and checks their currency, and per-row foreign-key triggers were more than half the
    -- cost of inserting a batch on PostgreSQL (measured: 234 of 441 ms for 8,000 transfers). The
    -- invariant sweep checks that every transfer's accounts exist in its currency, and that every post
    -- or void names a hold.
    constraint ledger_transfers_amount_positive check (amount > 0),
    constraint ledger_transfers_accounts_different check (debit_account_id <> credit_account_id),
    constraint ledger_transfers_kind
        check (case when kind = 'POSTED' then true when kind = 'PENDING' then true
                    when kind = 'POST_PENDING' then true when kind = 'VOID_PENDING' then true else false end),
    constraint ledger_transfers_pending_reference
        check ((case when kind = 'POST_PENDING' then true when kind = 'VOID_PENDING' then true else false end)
               = (pending_id is not null)),
    constraint ledger_transfers_timeout_only_for_holds
        check (timeout_seconds >= 0 and (kind = 'PENDING' or timeout_seconds = 0)),
    constraint ledger_transfers_expiry_only_for_holds
        check (expires_at is null or kind = 'PENDING')
);

create index ledger_transfers_debit on ledger_transfers (debit_account_id, seq);
create index ledger_transfers_credit on ledger_transfers (credit_account_id, seq);
-- the index that finds expired holds is vendor-specific (partial on PostgreSQL): see V2

-- How each hold ended. One row per hold (the primary key): a hold is posted, voided or expired once.
create table ledger_pending_resolutions (
    pending_id    uuid        not null primary key,
    resolution    varchar(8)  not null,
    transfer_id   uuid,
    resolved_at   timestamp with time zone not null,
    constraint ledger_pending_resolutions_pending foreign key (pending_id) references ledger_transfers (id),
    constraint ledger_pending_resolutions_transfer foreign key (transfer_id) references ledger_transfers (id),
    constraint ledger_pending_resolutions_kind
        check (case when resolution = 'POSTED' then true when resolution = 'VOIDED' then true
                    when resolution = 'EXPIRED' then true else false end),
    constraint ledger_pending_resolutions_by_transfer
        check ((resolution = 'EXPIRED') = (transfer_id is null))
);

-- Balance after each transfer, kept only for accounts created with the HISTORY flag (as TigerBeetle's
-- history flag): hot accounts such as platform fees do not pay for it.
create table ledger_account_balances (
    seq              bigint  generated always as identity primary key,
    account_id       uuid    not null,
    transfer_id      uuid    not null,
    debits_posted    bigint  not null,
    credits_posted   bigint  not null,
    debits_pending   bigint  not null,
    credits_pending  bigint  not null,
    recorded_at      timestamp with time zone not null,
    constraint ledger_account_balances_account foreign key (account_id) references ledger_accounts (id)
);

create index ledger_account_balances_account on ledger_account_balances (account_id, seq);
