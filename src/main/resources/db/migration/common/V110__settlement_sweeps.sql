-- Netting of what a merchant owes out of its settlements (issue 5 §2; SettlementSweeps): the takes a claimant
-- named while the run was planned, each moved from the merchant's pending balance to the claimant's account
-- in one linked chain with the run's release, which then carries only the rest to available. A take moved
-- exactly when the merchant's RELEASE posting of the run is POSTED (the chain commits or fails as one).
create table settlement_sweeps (
    run_id                 uuid          not null,
    merchant_id            uuid          not null,
    currency               char(3)       not null,
    seq                    integer       not null,
    account_id             uuid          not null,
    amount                 bigint        not null,
    reference              varchar(200)  not null,
    transfer_id            uuid          not null,
    constraint settlement_sweeps_pk primary key (run_id, merchant_id, currency, seq),
    constraint settlement_sweeps_run foreign key (run_id) references settlement_runs (id),
    constraint settlement_sweeps_transfer unique (transfer_id),
    constraint settlement_sweeps_amount check (case when amount > 0 then true else false end)
);

-- What the statement shows as swept: taken from the run's releases for the merchant's creditors.
alter table settlement_statements add column swept bigint not null default 0;
