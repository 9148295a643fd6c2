-- A lender may have a whole programme guaranteed: each loan under it is guaranteed at acceptance.
create table programme_guarantees (
    programme_id        uuid          not null primary key,
    guarantor_id        uuid          not null,
    coverage_bps        int           not null,
    created_at          timestamp with time zone not null,
    constraint programme_guarantees_coverage check (case when coverage_bps between 1 and 10000 then true else false end)
);
