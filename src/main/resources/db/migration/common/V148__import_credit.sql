-- Import / supplier credit (issue 8): the lender pays the seller's supplier directly, against the supplier's invoice,
-- through the payouts path to a bank account the seller registered for the supplier (an operator approved it as a
-- third party's account). The seller repays on the programme's schedule like a term loan.
alter table lending_programmes drop constraint lending_programmes_product;
alter table lending_programmes add constraint lending_programmes_product check (case when product = 'TERM_LOAN' then true
    when product = 'REVENUE_BASED' then true when product = 'RECEIVABLES_ADVANCE' then true
    when product = 'IMPORT_CREDIT' then true else false end);

-- what the supplier is paid for and where: named at application, the payout recorded at disbursement
create table loan_supplier_payments (
    loan_id             uuid          not null primary key,
    bank_account_id     varchar(60)   not null,
    invoice_reference   varchar(100)  not null,
    payout_id           uuid,
    paid_on             date,
    created_at          timestamp with time zone not null,
    constraint loan_supplier_payments_paid check (case when (payout_id is null and paid_on is null)
        or (payout_id is not null and paid_on is not null) then true else false end)
);
