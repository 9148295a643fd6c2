-- A settlement run writes one line per payment (issue 5 §4: a run over a million payments in at most twice
-- the time of the same aggregation as one plain INSERT … SELECT … GROUP BY). Measured on PostgreSQL, writing a
-- million lines one per payment and kind, each checked against its run by a foreign key and indexed under a
-- five-column key, cost several times the aggregation itself:
--   * the foreign key on the run was checked once per line (a trigger call each, as long as writing the line);
--   * a payment's kinds were four candidate rows each, three of them thrown away;
--   * the key (run, merchant, currency, kind, payment) was wide and written out of its order.
-- Now a line is one row per payment and run with an amount per kind (null: no line of that kind), keyed by
-- (run, merchant, payment), all fixed-width ids, written in that order by the plan's one statement. What a
-- line of a kind moved is still the state of the run's posting of that kind for the merchant and currency.
-- The run is not checked per line: lines are written only by the plan's statement, in the transaction that
-- moves that run (an existing row, locked by the update) to PLANNED; postings and statements keep their keys
-- to the run.
alter table settlement_lines drop constraint settlement_lines_run;
alter table settlement_lines drop constraint settlement_lines_amount;
alter table settlement_lines drop constraint settlement_lines_kind;
alter table settlement_lines drop constraint settlement_lines_pk;
alter table settlement_lines rename to settlement_lines_by_kind;

create table settlement_lines (
    run_id                 uuid          not null,
    merchant_id            uuid          not null,
    payment_id             uuid          not null,
    currency               char(3)       not null,
    reserve_withheld       bigint,
    released               bigint,
    reserve_released       bigint,
    recovered              bigint,
    constraint settlement_lines_pk primary key (run_id, merchant_id, payment_id),
    -- a kind's amount is positive or absent, a line has at least one, and a payment is released or recovered, not both
    constraint settlement_lines_amounts check (case when (reserve_withheld is null or reserve_withheld > 0)
        and (released is null or released > 0) and (reserve_released is null or reserve_released > 0)
        and (recovered is null or recovered > 0) and (released is null or recovered is null)
        and (reserve_withheld is not null or released is not null or reserve_released is not null or recovered is not null)
        then true else false end)
);

insert into settlement_lines (run_id, merchant_id, payment_id, currency, reserve_withheld, released, reserve_released, recovered)
select run_id, merchant_id, payment_id, min(currency),
  sum(case when kind = 'RESERVE_WITHHOLD' then amount end), sum(case when kind = 'RELEASE' then amount end),
  sum(case when kind = 'RESERVE_RELEASE' then amount end), sum(case when kind = 'RECOVERY' then amount end)
from settlement_lines_by_kind group by run_id, merchant_id, payment_id;

drop table settlement_lines_by_kind;
