-- Supervision: China cross-border e-commerce retail imports and each buyer's annual quota (regulations
-- notes §1.1). Versions 160-179 belong to the supervision module. CHECK constraints spell value lists as CASE.

-- A buyer's use of one calendar year's quota, keyed by the HMAC of the identity document (never the
-- document itself). The row is locked while an order of that buyer is decided, so that concurrent orders
-- never take the total over the limit.
create table supervision_cbec_quotas (
    buyer_hash   char(64)  not null,
    quota_year   integer   not null,
    used_minor   bigint    not null,
    constraint supervision_cbec_quotas_pk primary key (buyer_hash, quota_year),
    constraint supervision_cbec_quotas_used check (used_minor >= 0)
);

-- Each declared order, taxed: its treatment, taxes and what it counted toward the buyer's year.
create table supervision_cbec_orders (
    id                   uuid          not null primary key,
    marketplace_id       uuid          not null,
    order_number         varchar(100)  not null,
    buyer_hash           char(64)      not null,
    quota_year           integer       not null,
    fingerprint          char(64)      not null,
    treatment            varchar(32)   not null,
    dutiable_minor       bigint        not null,
    tariff_minor         bigint        not null,
    consumption_minor    bigint        not null,
    vat_minor            bigint        not null,
    tax_minor            bigint        not null,
    counted_minor        bigint        not null,
    annual_before_minor  bigint        not null,
    annual_after_minor   bigint        not null,
    over_annual_limit    boolean       not null,
    rules_date           date          not null,
    state                varchar(16)   not null,
    recorded_at          timestamp with time zone not null,
    returned_at          timestamp with time zone,
    constraint supervision_cbec_orders_order unique (marketplace_id, order_number),
    constraint supervision_cbec_orders_treatment check (case when treatment = 'CBEC_PREFERENTIAL' then true
        when treatment = 'CBEC_FULL_SINGLE_ITEM' then true when treatment = 'GENERAL_TRADE' then true else false end),
    constraint supervision_cbec_orders_state check (case when state = 'RECORDED' then true
        when state = 'RETURNED' then true else false end),
    constraint supervision_cbec_orders_amounts check (dutiable_minor > 0 and tariff_minor >= 0 and consumption_minor >= 0
        and vat_minor >= 0 and tax_minor = tariff_minor + consumption_minor + vat_minor and counted_minor >= 0
        and counted_minor <= dutiable_minor),
    constraint supervision_cbec_orders_returned check (case when state = 'RETURNED' then returned_at is not null
        else returned_at is null end)
);

create index supervision_cbec_orders_year on supervision_cbec_orders (quota_year, over_annual_limit);
