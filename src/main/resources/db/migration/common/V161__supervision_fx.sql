-- Supervision: FX quotas, sellers' receipts, authenticity of FX collections, balance-of-payments
-- declarations and the payments read model (regulations notes §2). Built from other modules' events and
-- APIs; never joined with their tables.

-- Individuals' annual FX facilitation quota, per person (keyed hash of the identity document), year and direction.
create table supervision_fx_quotas (
    person_hash     char(64)     not null,
    quota_year      integer      not null,
    direction       varchar(16)  not null,
    used_usd_minor  bigint       not null,
    constraint supervision_fx_quotas_pk primary key (person_hash, quota_year, direction),
    constraint supervision_fx_quotas_direction check (case when direction = 'SETTLEMENT' then true
        when direction = 'PURCHASE' then true else false end),
    constraint supervision_fx_quotas_used check (used_usd_minor >= 0)
);

create table supervision_fx_quota_uses (
    reference       varchar(100) not null primary key,
    person_hash     char(64)     not null,
    quota_year      integer      not null,
    direction       varchar(16)  not null,
    currency        char(3)      not null,
    amount_minor    bigint       not null,
    usd_minor       bigint       not null,
    over_quota      boolean      not null,
    recorded_at     timestamp with time zone not null,
    constraint supervision_fx_quota_uses_amount check (amount_minor > 0 and usd_minor >= 0)
);

-- Every quota breach a regulator should see: CBEC annual limit passed, an individual's FX conversion
-- refused for want of evidence or allowed over the quota on evidence, a seller entering SAFE's warning band
-- or passing the registration threshold.
create table supervision_quota_breaches (
    id              uuid          not null primary key,
    kind            varchar(40)   not null,
    subject         varchar(100)  not null,
    quota_year      integer       not null,
    currency        char(3)       not null,
    amount_minor    bigint        not null,
    limit_minor     bigint        not null,
    reference       varchar(200)  not null,
    detected_at     timestamp with time zone not null,
    constraint supervision_quota_breaches_once unique (kind, subject, quota_year, reference)
);

create index supervision_quota_breaches_year on supervision_quota_breaches (quota_year, kind);

-- The payments read model: one row per payment the payments module reported captured, with refunds.
create table supervision_payments (
    payment_id        uuid          not null primary key,
    merchant_id       uuid          not null,
    order_reference   varchar(200),
    currency          char(3)       not null,
    captured_minor    bigint        not null,
    refunded_minor    bigint        not null,
    usd_captured_minor bigint,
    captured_on       date          not null,
    constraint supervision_payments_amounts check (captured_minor >= 0 and refunded_minor >= 0)
);

create index supervision_payments_day on supervision_payments (captured_on);

-- Payment events applied (at-least-once delivery: each (payment, step) once).
create table supervision_payment_events (
    payment_id  uuid     not null,
    seq         integer  not null,
    constraint supervision_payment_events_pk primary key (payment_id, seq)
);

-- Sellers' goods-trade receipts in USD per calendar year, against the USD 200,000 registration threshold.
create table supervision_merchant_receipts (
    merchant_id   uuid        not null,
    receipt_year  integer     not null,
    usd_minor     bigint      not null,
    band          varchar(32) not null,
    constraint supervision_merchant_receipts_pk primary key (merchant_id, receipt_year),
    constraint supervision_merchant_receipts_band check (case when band = 'BELOW' then true when band = 'WARNING' then true
        when band = 'REGISTRATION_REQUIRED' then true else false end)
);

-- FX collections and their authenticity: linked to a matching trade record, or held for review.
create table supervision_fx_collections (
    id                 uuid          not null primary key,
    merchant_id        uuid          not null,
    marketplace_id     uuid          not null,
    order_number       varchar(100)  not null,
    payment_reference  varchar(200)  not null,
    currency           char(3)       not null,
    amount_minor       bigint        not null,
    state              varchar(16)   not null,
    hold_reason        varchar(1000),
    bop_code           varchar(6)    not null,
    received_at        timestamp with time zone not null,
    reviewed_by        varchar(200),
    reviewed_at        timestamp with time zone,
    constraint supervision_fx_collections_payment unique (merchant_id, payment_reference),
    constraint supervision_fx_collections_state check (case when state = 'CLEARED' then true when state = 'HELD' then true
        when state = 'RELEASED' then true when state = 'REJECTED' then true else false end),
    constraint supervision_fx_collections_amount check (amount_minor > 0)
);

create index supervision_fx_collections_order on supervision_fx_collections (marketplace_id, order_number);

-- Balance-of-payments declarations, one per receipt or refund (逐笔).
create table supervision_bop_declarations (
    id                uuid          not null primary key,
    merchant_id       uuid          not null,
    transaction_code  varchar(6)    not null,
    refund            boolean       not null,
    currency          char(3)       not null,
    amount_minor      bigint        not null,
    postscript        varchar(200)  not null,
    reference         varchar(200)  not null,
    declared_on       date          not null,
    constraint supervision_bop_declarations_reference unique (reference),
    constraint supervision_bop_declarations_amount check (amount_minor > 0)
);

create index supervision_bop_declarations_day on supervision_bop_declarations (declared_on);
