-- Where each balance-of-payments declaration stands with the reporting channel (supervision, issue 10):
-- RECORDED when the platform writes it, FILED once sent, then ACCEPTED or REJECTED by the receiving
-- authority (a rejected one is corrected and filed again). The last step's note, author and time are kept
-- here; every step is also in the audit log. CHECK constraints spell value lists as CASE (see V1).
alter table supervision_bop_declarations add column status varchar(10) default 'RECORDED' not null;
alter table supervision_bop_declarations add column status_note varchar(500);
alter table supervision_bop_declarations add column status_by varchar(200);
alter table supervision_bop_declarations add column status_at timestamp with time zone;
alter table supervision_bop_declarations add constraint supervision_bop_declarations_status
    check (case when status in ('RECORDED', 'FILED', 'ACCEPTED', 'REJECTED') then true else false end);
