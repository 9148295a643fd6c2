-- Scores are looked up by party and time, never by id: one index, the primary key (party, time, id), serves
-- the latest score and the history, and each stored score writes one index entry instead of two (the
-- PostgreSQL migration of the same version says the same in that dialect).
alter table credit_scores drop primary key;
drop index credit_scores_latest;
alter table credit_scores add constraint credit_scores_pk primary key (party_id, scored_at, id);
