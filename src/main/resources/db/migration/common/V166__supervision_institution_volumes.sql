-- Each licensed institution's captured volume per Beijing day and currency, kept as a running total when a
-- capture is attributed to it, so that checking its daily limit reads a few rows instead of summing every
-- payment of its day (which grows with the day's traffic, on every payment).
create table supervision_institution_volumes (
    institution_id  uuid        not null,
    captured_on     date        not null,
    currency        char(3)     not null,
    captured_minor  bigint      not null,
    constraint supervision_institution_volumes_pk primary key (institution_id, captured_on, currency)
);

insert into supervision_institution_volumes (institution_id, captured_on, currency, captured_minor)
select institution_id, captured_on, currency, sum(captured_minor) from supervision_payments
 where institution_id is not null and captured_on is not null
 group by institution_id, captured_on, currency;
