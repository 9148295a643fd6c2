-- Supervision: what the regulator's views need beyond V160-V163. Who paid whom across which border (the
-- merchant's and the buyer's countries, taken from the parties' and payments' public APIs when the capture
-- is reported), which connector carried the payment and the licensed institution behind it, the customs
-- mode of each FX collection's trade record, and each institution's daily volume cap and connectors.

alter table supervision_payments add column merchant_country char(2);
alter table supervision_payments add column buyer_country char(2);
alter table supervision_payments add column connector varchar(100);
alter table supervision_payments add column institution_id uuid;

create index supervision_payments_institution on supervision_payments (institution_id, captured_on);

alter table supervision_fx_collections add column customs_mode varchar(32);

-- the most the institution may carry in one Beijing day (in the licence's limit currency; null: no cap),
-- and the connectors whose payments it processes (comma-separated, sorted)
alter table supervision_institutions add column daily_limit_minor bigint;
alter table supervision_institutions add column connectors varchar(1000);
