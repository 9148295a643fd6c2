-- Checkout FX (issue 4, section 2): the buyer pays in the presentment currency, the merchant receives
-- its settlement currency at the rate locked when the buyer confirmed.
--
-- payments.settlement_currency: the merchant's currency for this payment; null when it is the one the
-- buyer pays in (no conversion).
-- payment_fx_locks: the rate the payment locked at checkout, from an FX quote, and what was converted
-- at it so far. The platform honours the rate for the authorization's whole life (up to 7 days), also
-- after the quote's own lock (at most 24 h) ran out: see payments.internal.CheckoutFx.
alter table payments add column settlement_currency char(3);

create table payment_fx_locks (
    payment_id            uuid            not null primary key,
    presentment_currency  char(3)         not null,
    settlement_currency   char(3)         not null,
    quote_id              uuid            not null,
    mid_rate              numeric(38, 20) not null,
    client_rate           numeric(38, 20) not null,
    margin_basis_points   integer         not null,
    rate_source           varchar(20)     not null,
    fixing_date           date            not null,
    locked_at             timestamp with time zone not null,
    quote_expires_at      timestamp with time zone not null,
    guaranteed_until      timestamp with time zone not null,
    settled_amount        bigint          not null default 0,
    spread_amount         bigint          not null default 0,
    constraint payment_fx_locks_payment foreign key (payment_id) references payments (id),
    constraint payment_fx_locks_rates check (case when client_rate > 0 and client_rate <= mid_rate
        and settled_amount >= 0 and spread_amount >= 0 then true else false end)
);
