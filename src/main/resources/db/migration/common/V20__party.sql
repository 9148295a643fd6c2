-- Parties of every kind, merchant KYB, buyer KYC, payout bank accounts and consents.
-- (Versions 20-39 belong to the party module.) CHECK constraints spell value lists as CASE: see V1.

create table parties (
    id                   uuid          not null primary key,
    kind                 varchar(24)   not null,
    country              char(2)       not null,
    legal_name           varchar(200)  not null,
    legal_name_original  varchar(200),
    status               varchar(16)   not null,
    risk_tier            varchar(8),
    email                varchar(200),
    phone                varchar(40),
    created_at           timestamp with time zone not null,
    updated_at           timestamp with time zone not null,
    version              bigint        not null default 0,
    constraint parties_kind check (case when kind = 'MERCHANT' then true when kind = 'BUYER' then true
        when kind = 'MARKETPLACE' then true when kind = 'LOGISTICS_PROVIDER' then true when kind = 'LENDER' then true
        when kind = 'GUARANTOR' then true when kind = 'PAYMENT_INSTITUTION' then true when kind = 'REGULATOR' then true
        when kind = 'OPERATOR' then true else false end),
    constraint parties_status check (case when status = 'ACTIVE' then true when status = 'ONBOARDING' then true
        when status = 'SUSPENDED' then true when status = 'CLOSED' then true when status = 'REJECTED' then true else false end),
    constraint parties_risk_tier check (risk_tier is null or case when risk_tier = 'LOW' then true
        when risk_tier = 'MEDIUM' then true when risk_tier = 'HIGH' then true else false end)
);

-- Registration numbers and other identifiers; one party per (scheme, identifier): a second registration
-- of the same company is refused by the key.
create table party_identifiers (
    party_id  uuid          not null,
    scheme    varchar(24)   not null,
    identifier  varchar(64)  not null,
    constraint party_identifiers_pk primary key (scheme, identifier),
    constraint party_identifiers_party foreign key (party_id) references parties (id)
);
create index party_identifiers_by_party on party_identifiers (party_id);

-- A merchant's know-your-business application; state changes are recorded in kyb_transitions.
create table kyb_applications (
    id                    uuid          not null primary key,
    party_id              uuid          not null,
    state                 varchar(32)   not null,
    registration_number   varchar(64)   not null,
    registered_address    varchar(400)  not null,
    incorporation_date    date          not null,
    business_description  varchar(1000),
    risk_tier             varchar(8),
    next_review_on        date,
    created_at            timestamp with time zone not null,
    updated_at            timestamp with time zone not null,
    version               bigint        not null default 0,
    constraint kyb_applications_party foreign key (party_id) references parties (id),
    constraint kyb_applications_one_per_party unique (party_id),
    constraint kyb_applications_state check (case when state = 'DRAFT' then true when state = 'SUBMITTED' then true
        when state = 'SCREENING' then true when state = 'IN_REVIEW' then true
        when state = 'MORE_INFORMATION_REQUESTED' then true when state = 'APPROVED' then true
        when state = 'REJECTED' then true else false end)
);

create table kyb_transitions (
    seq             bigint        generated always as identity primary key,
    application_id  uuid          not null,
    from_state      varchar(32),
    to_state        varchar(32)   not null,
    actor           varchar(100)  not null,
    reason          varchar(1000),
    at              timestamp with time zone not null,
    constraint kyb_transitions_application foreign key (application_id) references kyb_applications (id)
);
create index kyb_transitions_by_application on kyb_transitions (application_id, seq);

-- Ultimate beneficial owners: natural persons owning or controlling at least 25 % (FATF R.24/25;
-- PBOC 2017 No. 235 on beneficial ownership). Ownership in basis points.
create table beneficial_owners (
    id                 uuid          not null primary key,
    application_id     uuid          not null,
    full_name          varchar(200)  not null,
    full_name_original varchar(200),
    nationality        char(2)       not null,
    birth_date         date          not null,
    document_type      varchar(24)   not null,
    document_number    varchar(64)   not null,
    ownership_bp       integer       not null,
    constraint beneficial_owners_application foreign key (application_id) references kyb_applications (id),
    constraint beneficial_owners_share check (ownership_bp >= 2500 and ownership_bp <= 10000)
);

-- Documents: metadata plus the file itself, addressed by its SHA-256 so it cannot change unnoticed.
create table party_documents (
    id              uuid          not null primary key,
    party_id        uuid          not null,
    application_id  uuid,
    type            varchar(40)   not null,
    document_number varchar(64),
    issuer          varchar(200),
    expires_on      date,
    file_name       varchar(200),
    content_type    varchar(100),
    content_sha256  char(64)      not null,
    content         bytea         not null,
    uploaded_at     timestamp with time zone not null,
    constraint party_documents_party foreign key (party_id) references parties (id),
    constraint party_documents_application foreign key (application_id) references kyb_applications (id)
);

-- Payout bank accounts. A holder name that does not match the verified party waits for an operator.
create table bank_accounts (
    id                 uuid          not null primary key,
    party_id           uuid          not null,
    currency           char(3)       not null,
    country            char(2)       not null,
    iban               varchar(34),
    account_number     varchar(40),
    bic                varchar(11),
    cnaps              char(12),
    holder_name        varchar(200)  not null,
    status             varchar(24)   not null,
    status_reason      varchar(400),
    created_at         timestamp with time zone not null,
    decided_by         varchar(100),
    decided_at         timestamp with time zone,
    constraint bank_accounts_party foreign key (party_id) references parties (id),
    constraint bank_accounts_number check (iban is not null or account_number is not null),
    constraint bank_accounts_status check (case when status = 'VERIFIED' then true
        when status = 'PENDING_APPROVAL' then true when status = 'REJECTED' then true
        when status = 'CLOSED' then true else false end)
);
create index bank_accounts_by_party on bank_accounts (party_id);

-- Consents: a subject lets a grantee use a scope of its data for a purpose until an expiry.
create table consents (
    id             uuid          not null primary key,
    subject_id     uuid          not null,
    grantee_id     uuid          not null,
    scope          varchar(40)   not null,
    purpose        varchar(40)   not null,
    granted_at     timestamp with time zone not null,
    expires_at     timestamp with time zone not null,
    revoked_at     timestamp with time zone,
    receipt_sha256 char(64)      not null,
    constraint consents_subject foreign key (subject_id) references parties (id),
    constraint consents_grantee foreign key (grantee_id) references parties (id),
    constraint consents_not_self check (subject_id <> grantee_id),
    constraint consents_expiry_after_grant check (expires_at > granted_at)
);
create index consents_by_subject on consents (subject_id);
create index consents_by_grantee on consents (grantee_id, scope);
