-- A buyer's know-your-customer tier: ANONYMOUS (an e-mail and a card) or VERIFIED (name and an identity
-- document checked). Cross-border e-commerce imports into China need the verified buyer anyway: customs
-- match the order to the buyer's name and resident ID (the 订购人 of the three-document match).
create table buyer_verifications (
    party_id          uuid          not null primary key,
    full_name         varchar(200)  not null,
    document_type     varchar(24)   not null,
    document_country  char(2)       not null,
    document_number   varchar(64)   not null,
    verified_at       timestamp with time zone not null,
    constraint buyer_verifications_party foreign key (party_id) references parties (id)
);
