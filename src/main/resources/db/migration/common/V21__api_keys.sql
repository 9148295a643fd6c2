-- API keys of machine clients (merchants, marketplaces, logistics providers, lenders). The secret is
-- shown once at issue and only its SHA-256 is kept: a high-entropy random secret needs no slow hash.
create table api_keys (
    id             uuid          not null primary key,
    party_id       uuid          not null,
    prefix         varchar(16)   not null,
    secret_sha256  char(64)      not null,
    scopes         varchar(400)  not null,
    label          varchar(100),
    created_at     timestamp with time zone not null,
    expires_at     timestamp with time zone,
    revoked_at     timestamp with time zone,
    last_used_at   timestamp with time zone,
    replaced_by    uuid,
    constraint api_keys_prefix unique (prefix),
    constraint api_keys_party foreign key (party_id) references parties (id)
);
create index api_keys_by_party on api_keys (party_id);
