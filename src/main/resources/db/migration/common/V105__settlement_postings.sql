-- A settlement run moves money per merchant, currency and kind: one ledger transfer carries all of a
-- merchant's lines of one kind in the run (Mojaloop's net settlement per participant and window; Stripe's
-- payouts of many balance transactions). The lines stay one per payment and kind, for the statement and for
-- what settlement has moved per payment; they are written once, with the plan, and never updated: whether
-- a line moved is the state of its posting. (A run over a million payments cannot afford a million
-- ledger transfers and two million row updates.)

create table settlement_postings (
    run_id                 uuid          not null,
    merchant_id            uuid          not null,
    currency               char(3)       not null,
    kind                   varchar(20)   not null,
    amount                 bigint        not null,
    line_count             integer       not null,
    transfer_id            uuid          not null,
    status                 varchar(10)   not null,
    result                 varchar(60),
    constraint settlement_postings_pk primary key (run_id, merchant_id, currency, kind),
    constraint settlement_postings_run foreign key (run_id) references settlement_runs (id),
    constraint settlement_postings_transfer unique (transfer_id),
    constraint settlement_postings_amount check (case when amount > 0 and line_count > 0 then true else false end),
    constraint settlement_postings_kind check (case when kind = 'RELEASE' then true when kind = 'RECOVERY' then true
        when kind = 'RESERVE_WITHHOLD' then true when kind = 'RESERVE_RELEASE' then true else false end),
    constraint settlement_postings_status check (case when status = 'PENDING' then true when status = 'POSTED' then true
        when status = 'REFUSED' then true else false end)
);

alter table settlement_lines drop constraint settlement_lines_transfer;
alter table settlement_lines drop constraint settlement_lines_status;
alter table settlement_lines drop column transfer_id;
alter table settlement_lines drop column status;
alter table settlement_lines drop column result;

-- What settlement moved per payment is the sum of its lines in posted postings, no longer kept in counters.
alter table settlement_payments drop column settled;
alter table settlement_payments drop column reserve_withheld;
alter table settlement_payments drop column reserve_released;

-- One index on the lines, not two: the key leads with the run and the merchant, which is how a statement
-- reads them; a million-line run writes one index entry per line instead of two.
alter table settlement_lines drop constraint settlement_lines_pk;
drop index settlement_lines_by_merchant;
alter table settlement_lines add constraint settlement_lines_pk primary key (run_id, merchant_id, currency, kind, payment_id);
