-- Records contributed to the credit registry, each with its provenance: who provided it (a party, or one
-- of the platform's own modules), when it was received, and the provider's own record it came from.
-- (provider, source_record, category) is unique: a provider resending a record changes nothing.
create table credit_contributions (
    id                  uuid          not null primary key,
    subject_id          uuid          not null,
    provider            varchar(64)   not null,
    provider_party_id   uuid,
    source_record       varchar(200)  not null,
    category            varchar(40)   not null,
    amount              double precision not null,
    currency            char(3),
    occurred_at         timestamp with time zone not null,
    received_at         timestamp with time zone not null,
    negative            boolean       not null,
    event_ends_at       timestamp with time zone,
    subject_notified_at timestamp with time zone,
    state               varchar(16)   not null,
    constraint credit_contributions_source unique (provider, source_record, category),
    constraint credit_contributions_state check (case when state = 'ACTIVE' then true when state = 'DISPUTED' then true
        when state = 'CORRECTED' then true when state = 'REMOVED' then true else false end)
);
create index credit_contributions_by_subject on credit_contributions (subject_id, occurred_at);
create index credit_contributions_negative_end on credit_contributions (negative, event_ends_at);

-- Notices to the subject about negative information (Credit Reporting Industry Regulation art. 15): who
-- gave notice, when, and of which record.
create table credit_notices (
    id                 uuid          not null primary key,
    subject_id         uuid          not null,
    contribution_id    uuid          not null,
    given_by           varchar(64)   not null,
    notified_at        timestamp with time zone not null,
    recorded_at        timestamp with time zone not null,
    text               varchar(1000) not null
);
create index credit_notices_by_subject on credit_notices (subject_id);
