-- Payments, their steps, disputes, and the idempotency keys of money-moving requests.
-- (Versions 40-49 belong to the payments module.) CHECK constraints spell value lists as CASE: see V1.
-- No card number is ever stored: a card is its token, BIN (first six digits), last four, expiry and network.

create table payments (
    id                   uuid          not null primary key,
    merchant_id          uuid          not null,
    buyer_party_id       uuid,
    buyer_country        char(2),
    order_reference      varchar(100)  not null,
    requested_amount     bigint        not null,
    requested_currency   char(3)       not null,
    processed_amount     bigint,
    processed_currency   char(3),
    method_type          varchar(20)   not null,
    card_token           varchar(40),
    card_bin             char(6),
    card_last4           char(4),
    card_exp_month       integer,
    card_exp_year        integer,
    card_network         varchar(16),
    chain                varchar(20),
    capture_method       varchar(12)   not null,
    state                varchar(32)   not null,
    region               varchar(16),
    connector            varchar(40),
    connector_reference  varchar(100),
    authorized           bigint        not null default 0,
    captured             bigint        not null default 0,
    refunded             bigint        not null default 0,
    disputed             bigint        not null default 0,
    charged_back         bigint        not null default 0,
    fees_acquirer        bigint        not null default 0,
    fees_platform        bigint        not null default 0,
    reserved             bigint        not null default 0,
    expires_at           timestamp with time zone,
    hold_id              uuid,
    next_action          varchar(2000),
    decline_code         varchar(40),
    three_ds             varchar(24),
    busy_seq             integer,
    last_seq             integer       not null default 0,
    created_at           timestamp with time zone not null,
    updated_at           timestamp with time zone not null,
    constraint payments_amounts check (case when requested_amount > 0 and captured <= authorized
        and refunded + disputed + charged_back <= captured then true else false end),
    constraint payments_card_digits check (case when card_bin is null then true
        when card_last4 is not null then true else false end)
);
create index payments_by_merchant on payments (merchant_id, id);
create index payments_due_for_expiry on payments (expires_at);
create index payments_by_connector_reference on payments (connector_reference);

-- Each step asked of a connector and the ledger (Kill Bill's payment transactions). A step is written
-- PENDING with its ledger transfers (plan) before they are submitted, and completed after the ledger
-- answered, so that recovery can re-submit the same transfers.
create table payment_operations (
    payment_id           uuid          not null,
    seq                  integer       not null,
    kind                 varchar(32)   not null,
    amount               bigint        not null,
    currency             char(3),
    final_capture        boolean       not null default false,
    status               varchar(12)   not null,
    actor                varchar(200)  not null,
    plan                 varchar(8000),
    connector_reference  varchar(100),
    decline_code         varchar(40),
    detail               varchar(400),
    created_at           timestamp with time zone not null,
    completed_at         timestamp with time zone,
    constraint payment_operations_pk primary key (payment_id, seq),
    constraint payment_operations_payment foreign key (payment_id) references payments (id),
    constraint payment_operations_status check (case when status = 'PENDING' then true when status = 'SUCCEEDED' then true
        when status = 'FAILED' then true else false end)
);
create index payment_operations_by_status on payment_operations (status, created_at);

-- One dispute (chargeback) per payment, with where the disputed money was taken from.
create table payment_disputes (
    payment_id    uuid          not null primary key,
    status        varchar(24)   not null,
    amount        bigint        not null,
    currency      char(3)       not null,
    reason        varchar(200),
    evidence      varchar(4000),
    from_reserve  bigint        not null,
    from_pending  bigint        not null,
    opened_at     timestamp with time zone not null,
    closed_at     timestamp with time zone,
    constraint payment_disputes_payment foreign key (payment_id) references payments (id),
    constraint payment_disputes_status check (case when status = 'OPENED' then true
        when status = 'EVIDENCE_SUBMITTED' then true when status = 'WON' then true when status = 'LOST' then true
        else false end)
);

-- Idempotency keys of money-moving requests, per client. The primary key makes two application nodes
-- agree on which request runs; the response is kept byte for byte for replays. The request itself is
-- never stored, only a keyed hash of it (it may carry a card number).
create table idempotency_keys (
    client_id              varchar(200)  not null,
    idem_key               varchar(255)  not null,
    fingerprint            char(64)      not null,
    status                 varchar(12)   not null,
    claim                  uuid          not null,
    locked_until           timestamp with time zone not null,
    response_status        integer,
    response_content_type  varchar(100),
    response_location      varchar(400),
    response_body          varchar(1000000),
    created_at             timestamp with time zone not null,
    completed_at           timestamp with time zone,
    constraint idempotency_keys_pk primary key (client_id, idem_key),
    constraint idempotency_keys_status check (case when status = 'IN_FLIGHT' then true
        when status = 'COMPLETED' then true else false end)
);
create index idempotency_keys_by_age on idempotency_keys (created_at);
