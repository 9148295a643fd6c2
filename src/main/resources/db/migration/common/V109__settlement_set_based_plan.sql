-- A settlement run plans in the database: one INSERT … SELECT writes the run's lines for every released
-- payment (issue 5 §4: a run over a million payments in the time of a few plain statements), so the
-- payments' running totals must be readable in SQL. This view is the SQL twin of the payments module's
-- published CapturedAmounts (Payments#capturedAmounts): the running totals of each payment as they moved
-- through its merchant's pending account, and what a dispute that still stands (open or lost) took from
-- pending and from the reserve. Settlement reads payments through it only, never their tables.
create view payment_settlement_amounts as
select p.id as payment_id, p.merchant_id, coalesce(p.processed_currency, p.requested_currency) as currency,
  p.captured, p.fees_acquirer, p.fees_platform, p.reserved, p.refunded,
  case when d.status is not null and d.status <> 'WON' then d.from_pending else 0 end as dispute_from_pending,
  case when d.status is not null and d.status <> 'WON' then d.from_reserve else 0 end as dispute_from_reserve
from payments p left join payment_disputes d on d.payment_id = p.id;
