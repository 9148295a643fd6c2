-- Receivables advances (issue 8): a programme lends at most its advance rate of a seller's
-- settlement-pending balance (the MERCHANT_PENDING ledger account), so a programme carries the rate.
-- Other products have none (0).
alter table lending_programmes add column advance_rate_bps int default 0 not null;
alter table lending_programmes drop constraint lending_programmes_product;
alter table lending_programmes alter column product set data type varchar(24);
alter table loans alter column product set data type varchar(24);
alter table lending_programmes add constraint lending_programmes_product check (case when product = 'TERM_LOAN' then true
    when product = 'REVENUE_BASED' then true when product = 'RECEIVABLES_ADVANCE' then true else false end);
alter table lending_programmes add constraint lending_programmes_advance_rate check (case when advance_rate_bps between 0 and 10000
    then true else false end);
