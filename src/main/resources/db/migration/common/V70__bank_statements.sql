-- Imported bank statements (camt.053) and debit/credit notifications (camt.054).
-- (Versions 70-79 belong to the banking module.) CHECK constraints spell value lists as CASE: see V1.

-- One row per imported file; the same bytes are never imported twice (content_sha256).
create table bank_statement_files (
    id              uuid          not null primary key,
    content_sha256  char(64)      not null,
    file_name       varchar(255),
    message_type    varchar(20)   not null,
    message_id      varchar(35),
    statements      integer       not null,
    entries         integer       not null,
    imported_at     timestamp with time zone not null,
    imported_by     varchar(200)  not null,
    constraint bank_statement_files_content unique (content_sha256)
);

-- A statement is stored once per (kind, account, statement id), whichever file brought it first;
-- fingerprint (SHA-256 of its canonical content) tells a re-sent copy from a different statement.
create table bank_statements (
    id                uuid          not null primary key,
    file_id           uuid          not null,
    position_in_file  integer       not null,
    kind              varchar(12)   not null,
    message_type      varchar(20)   not null,
    message_id        varchar(35),
    statement_id      varchar(35)   not null,
    account_scheme    varchar(5)    not null,
    account           varchar(34)   not null,
    account_currency  varchar(3),
    fingerprint       char(64)      not null,
    constraint bank_statements_file foreign key (file_id) references bank_statement_files (id),
    constraint bank_statements_once unique (kind, account, statement_id),
    constraint bank_statements_kind check (case when kind = 'STATEMENT' then true
        when kind = 'NOTIFICATION' then true else false end),
    constraint bank_statements_scheme check (case when account_scheme = 'IBAN' then true
        when account_scheme = 'OTHER' then true else false end)
);
create index bank_statements_by_file on bank_statements (file_id, position_in_file);

create table bank_statement_balances (
    statement_id   uuid          not null,
    position       integer       not null,
    balance_type   varchar(35)   not null,
    amount_minor   bigint        not null,
    currency       char(3)       not null,
    credit_debit   varchar(4)    not null,
    balance_date   date,
    constraint bank_statement_balances_pk primary key (statement_id, position),
    constraint bank_statement_balances_statement foreign key (statement_id) references bank_statements (id),
    constraint bank_statement_balances_amount check (amount_minor >= 0),
    constraint bank_statement_balances_cd check (case when credit_debit = 'CRDT' then true
        when credit_debit = 'DBIT' then true else false end)
);

create table bank_statement_entries (
    statement_id           uuid          not null,
    position               integer       not null,
    entry_reference        varchar(35),
    amount_minor           bigint        not null,
    currency               char(3)       not null,
    credit_debit           varchar(4)    not null,
    reversal               boolean       not null,
    status                 varchar(35),
    booking_date           date,
    value_date             date,
    account_servicer_ref   varchar(35),
    bank_transaction_code  varchar(35),
    additional_info        varchar(500),
    constraint bank_statement_entries_pk primary key (statement_id, position),
    constraint bank_statement_entries_statement foreign key (statement_id) references bank_statements (id),
    constraint bank_statement_entries_amount check (amount_minor >= 0),
    constraint bank_statement_entries_cd check (case when credit_debit = 'CRDT' then true
        when credit_debit = 'DBIT' then true else false end)
);
create index bank_statement_entries_by_value_date on bank_statement_entries (value_date);

-- The payments inside an entry (one, or several for a batch booking); remittance lines are joined with
-- U+001E, a character XML 1.0 cannot carry, so the lines split back exactly.
create table bank_statement_transactions (
    statement_id          uuid          not null,
    entry_position        integer       not null,
    position              integer       not null,
    end_to_end_id         varchar(35),
    instruction_id        varchar(35),
    transaction_id        varchar(35),
    uetr                  varchar(36),
    account_servicer_ref  varchar(35),
    amount_minor          bigint,
    currency              char(3),
    counterparty_name     varchar(140),
    counterparty_account  varchar(34),
    remittance            varchar(10000),
    creditor_reference    varchar(35),
    constraint bank_statement_transactions_pk primary key (statement_id, entry_position, position),
    constraint bank_statement_transactions_entry foreign key (statement_id, entry_position)
        references bank_statement_entries (statement_id, position)
);
create index bank_statement_transactions_by_e2e on bank_statement_transactions (end_to_end_id);
