-- Netting (issue 5 §2): where a run both releases money to a merchant and takes money back from it for
-- refunds and chargebacks after earlier releases (RECOVERY), in one currency, only the net moves: one
-- ledger transfer for the difference, the other posting carried inside it (transfer_amount 0, netted_into
-- naming the posting that moved). The statement shows what was netted.
alter table settlement_postings add column transfer_amount bigint;
alter table settlement_postings add column netted_into varchar(20);
alter table settlement_statements add column netted bigint not null default 0;
