-- A run releases the payments that are due for the first time and unchanged since their capture as one range row
-- per merchant and currency, not as a line per payment (issue 5 §4: a run over a million payments within twice the
-- time of the plain aggregation; writing a million rows costs more than that by itself).
--
-- A payment belongs to a run's range when it is of the range's merchant and currency, was captured in
-- [captured_from, captured_to), was tracked at or before the run's horizon (seq_to), and has no line of its own in
-- that run. What the range moved for it follows from what it held when it was tracked (the snapshot below), which
-- is what it still held at the run: a payment whose amounts had changed by then (a refund, a dispute, a second
-- capture) is never in a range, it gets a line. A payment the run looked at in its range's span but could not put
-- in the range gets a line even when it moves nothing (no amount of any kind): that line keeps it out of the range.

create sequence settlement_payment_seq;

-- the order payments were tracked in (existing rows have none: they are settled by lines, as before)
alter table settlement_payments add column seq bigint;
-- what the payment held when it was tracked, in its own capture's transaction
alter table settlement_payments add column snap_captured bigint;
alter table settlement_payments add column snap_fees bigint;
alter table settlement_payments add column snap_reserved bigint;

alter table settlement_lines drop constraint settlement_lines_amounts;
alter table settlement_lines drop constraint settlement_lines_pk;
-- a range row: the number of payments it releases, its span, its horizon and the reserve rate it withheld at
alter table settlement_lines add column payments integer;
alter table settlement_lines add column captured_from timestamp with time zone;
alter table settlement_lines add column captured_to timestamp with time zone;
alter table settlement_lines add column seq_to bigint;
alter table settlement_lines add column reserve_basis_points bigint;
-- a range row's payment id is the nil id, one per run, merchant and currency
alter table settlement_lines add constraint settlement_lines_pk primary key (run_id, merchant_id, currency, payment_id);
alter table settlement_lines add constraint settlement_lines_amounts check (case when (reserve_withheld is null or reserve_withheld > 0)
    and (released is null or released > 0) and (reserve_released is null or reserve_released > 0)
    and (recovered is null or recovered > 0) and (released is null or recovered is null)
    and (payments is null or (payments > 0 and payment_id = cast('00000000-0000-0000-0000-000000000000' as uuid)
        and captured_from is not null and captured_to is not null and captured_from < captured_to and seq_to is not null
        and reserve_basis_points is not null and reserve_released is null and recovered is null
        and (released is not null or reserve_withheld is not null)))
    then true else false end);
-- a payment's range: the first of its merchant's ranges in its currency that ends after its capture
create index settlement_lines_ranges on settlement_lines (merchant_id, currency, captured_to);
