-- The few changed payments a run reads the running totals of (V201), found without scanning every tracked payment.
create index settlement_payments_changed on settlement_payments (payment_id) where amounts_changed;
