-- Security deposits (保证金, issue 8): a seller's cash moved from its available balance into the loan's
-- LOAN_DEPOSIT ledger account and held as collateral; released to the seller when the loan closes repaid, or
-- applied to what it owes when it defaults. The ledger account holds the money; this row holds the story.
create table loan_deposits (
    loan_id             uuid          not null primary key,
    reference           varchar(100)  not null,
    amount              bigint        not null,
    applied             bigint        not null,
    released            bigint        not null,
    state               varchar(10)   not null,
    lodged_on           date          not null,
    settled_on          date,
    created_at          timestamp with time zone not null,
    constraint loan_deposits_amounts check (case when amount > 0 and applied >= 0 and released >= 0
        and applied + released <= amount then true else false end),
    constraint loan_deposits_state check (case when state = 'HELD' then true when state = 'RELEASED' then true
        when state = 'APPLIED' then true else false end)
);

-- a repayment may now come out of the deposit
alter table loan_repayments drop constraint loan_repayments_source;
alter table loan_repayments add constraint loan_repayments_source check (case when source = 'MANUAL' then true
    when source = 'SWEEP' then true when source = 'DEBIT' then true when source = 'DISBURSEMENT' then true
    when source = 'GUARANTEE' then true when source = 'DEPOSIT' then true else false end);
