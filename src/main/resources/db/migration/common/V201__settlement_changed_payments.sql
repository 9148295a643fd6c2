-- A tracked payment is marked when its amounts change after it was tracked (a second capture, a refund, a dispute),
-- in the transaction that changes them. A run then reads the payments module's running totals only for the payments
-- so marked; an unmarked payment still holds exactly its snapshot (V200), so a run computes what it moves from the
-- snapshot alone (issue 5 §4: the run over a million payments no longer joins a million payment rows).
alter table settlement_payments add column amounts_changed boolean default false not null;
-- payments tracked before the snapshot existed have none: read their running totals, as before
update settlement_payments set amounts_changed = true where snap_captured is null;
