-- Scores are looked up by party and time, never by id: one index, the primary key (party, time, id), serves
-- the latest score and the history, and each stored score writes one index entry instead of two. A
-- million merchants are re-scored every night, so the second index was a million writes a night.
alter table credit_scores drop constraint credit_scores_pkey;
drop index credit_scores_latest;
alter table credit_scores add constraint credit_scores_pk primary key (party_id, scored_at, id);
