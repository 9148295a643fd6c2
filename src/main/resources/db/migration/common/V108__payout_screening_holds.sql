-- Beneficiary screening of payouts (issue 6 §2, AML Law arts. 40-41): a payout whose beneficiary may be a
-- listed person is written HELD (its money reserved in payouts-in-transit like a CREATED one) until a
-- reviewer settles the possible match: a false positive releases it to CREATED, a confirmed match makes it
-- BLOCKED with its money frozen where it is. screening_hit_id names the sanctions hit it waits for.
alter table payouts add column screening_hit_id varchar(60);
alter table payouts drop constraint payouts_state;
alter table payouts add constraint payouts_state check (case when state = 'CREATED' then true when state = 'SENT' then true
    when state = 'ACCEPTED' then true when state = 'SETTLED' then true when state = 'REJECTED' then true
    when state = 'RETURNED' then true when state = 'HELD' then true when state = 'BLOCKED' then true else false end);
create index payouts_by_screening_hit on payouts (screening_hit_id);
