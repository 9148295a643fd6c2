-- Loan-loss provisions (issue 8): the ledger holds each loan's loss allowance (LOAN_LOSS_ALLOWANCE); the
-- loan row mirrors it so that the daily run finds closed loans whose allowance is still to be released.
alter table loans add column loss_allowance bigint default 0 not null;
