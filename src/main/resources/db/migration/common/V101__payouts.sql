-- Payouts to merchants' verified bank accounts (versions 100-119 belong to the settlement module).
-- A payout is written CREATED in the transaction that records the ledger's answer to its debit; its
-- end-to-end id is what the bank files (pain.001, pain.002, camt.053/054) carry.
create table payouts (
    id                     uuid          not null primary key,
    merchant_id            uuid          not null,
    reference              varchar(100)  not null,
    bank_account_id        varchar(60)   not null,
    source_amount          bigint        not null,
    source_currency        char(3)       not null,
    amount                 bigint        not null,
    currency               char(3)       not null,
    quote_id               varchar(60),
    fee                    bigint        not null,
    rail                   varchar(20)   not null,
    state                  varchar(12)   not null,
    end_to_end_id          varchar(35)   not null,
    batch_id               uuid,
    expected_arrival       date          not null,
    status_reason          varchar(200),
    created_at             timestamp with time zone not null,
    updated_at             timestamp with time zone not null,
    constraint payouts_reference unique (merchant_id, reference),
    constraint payouts_end_to_end unique (end_to_end_id),
    constraint payouts_amounts check (case when amount > 0 and source_amount > 0 and fee >= 0 then true else false end),
    constraint payouts_state check (case when state = 'CREATED' then true when state = 'SENT' then true
        when state = 'ACCEPTED' then true when state = 'SETTLED' then true when state = 'REJECTED' then true
        when state = 'RETURNED' then true else false end)
);
create index payouts_by_merchant on payouts (merchant_id, created_at);
create index payouts_by_state on payouts (state, currency, rail);
