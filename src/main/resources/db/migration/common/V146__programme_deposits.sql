-- A programme may ask for a security deposit (保证金) of a share of the principal before disbursement.
alter table lending_programmes add column deposit_bps int default 0 not null;
