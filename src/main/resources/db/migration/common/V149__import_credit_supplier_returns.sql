-- Import credit (issue 8): when the bank rejects or returns the supplier's payout, the contract is unwound and the
-- loan CANCELLED (see SupplierPayoutReturns); the supplier payment records what came back and why.
alter table loans drop constraint loans_state;
alter table loans add constraint loans_state check (case when state = 'APPLIED' then true when state = 'REFERRED' then true
    when state = 'DECLINED' then true when state = 'APPROVED' then true when state = 'ACTIVE' then true
    when state = 'DEFAULTED' then true when state = 'CLOSED' then true when state = 'CANCELLED' then true else false end);

alter table loan_supplier_payments add column returned_state varchar(10);
alter table loan_supplier_payments add column returned_reason varchar(200);
alter table loan_supplier_payments add column returned_on date;
create index loan_supplier_payments_by_payout on loan_supplier_payments (payout_id);

-- a recalled import credit (partly repaid before its supplier's payout came back) is repaid from the returned money
alter table loan_repayments drop constraint loan_repayments_source;
alter table loan_repayments add constraint loan_repayments_source check (case when source = 'MANUAL' then true
    when source = 'SWEEP' then true when source = 'DEBIT' then true when source = 'DISBURSEMENT' then true
    when source = 'GUARANTEE' then true when source = 'DEPOSIT' then true when source = 'RETURN' then true else false end);
