-- Fraud decisions (risk module, versions 91-94): one row per scored payment attempt, with what the
-- scoring saw (the entities its windows count, the raw feature vector), what it decided and why, the
-- review queue's state, the outcomes learnt later (decline, refund, chargeback) and the training label.
-- The feature cache is rebuilt from these rows at start. CHECK constraints spell value lists as CASE (see V1).
create table fraud_decisions (
    id                  uuid          not null primary key,
    payment_id          uuid          not null,
    merchant_id         uuid          not null,
    decided_at          timestamp with time zone not null,
    outcome             varchar(10)   not null,
    score               double precision not null,
    model_version       varchar(60)   not null,
    reasons             varchar(1000) not null,
    features            varchar(2000) not null,
    card_key            varchar(64),
    card_bin            char(6),
    bin_country         char(2),
    email               varchar(254),
    ip                  varchar(45),
    ip_country          char(2),
    device_id           varchar(100),
    shipping_country    char(2),
    merchant_country    char(2),
    merchant_created_at timestamp with time zone,
    buyer_party_id      uuid,
    account_created_at  timestamp with time zone,
    amount_minor        bigint        not null,
    currency            char(3)       not null,
    is_card             boolean       not null,
    review_status       varchar(10)   not null,
    reviewed_by         varchar(200),
    review_note         varchar(1000),
    reviewed_at         timestamp with time zone,
    label               varchar(12),
    label_source        varchar(16),
    labelled_at         timestamp with time zone,
    declined_at         timestamp with time zone,
    refunded_at         timestamp with time zone,
    disputed_at         timestamp with time zone,
    constraint fraud_decisions_outcome check (case when outcome in ('ALLOW', 'REVIEW', 'CHALLENGE', 'BLOCK') then true else false end),
    constraint fraud_decisions_review check (case when review_status in ('NONE', 'OPEN', 'REVIEWED') then true else false end),
    constraint fraud_decisions_label check (case when label is null or label in ('FRAUD', 'LEGITIMATE') then true else false end),
    constraint fraud_decisions_score check (case when score >= 0 and score <= 1 then true else false end)
);
create index fraud_decisions_by_payment on fraud_decisions (payment_id);
create index fraud_decisions_by_review on fraud_decisions (review_status, decided_at);
create index fraud_decisions_by_time on fraud_decisions (decided_at);
