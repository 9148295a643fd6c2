-- Listings shared with other participants (REGULATIONS.md §3.3-3.4: sharing with provenance and revocation):
-- which case, with whom, on what basis, shared by whom and when; revoked with a reason. A share shows the
-- listing only while the listing itself is current: an ended listing stops being shared by itself.
create table credit_listing_shares (
    id              uuid          not null primary key,
    case_id         uuid          not null,
    recipient_id    uuid          not null,
    basis           varchar(1000) not null,
    shared_by       varchar(200)  not null,
    shared_at       timestamp with time zone not null,
    revoked_at      timestamp with time zone,
    revoked_by      varchar(200),
    revoke_reason   varchar(1000)
);
create index credit_listing_shares_by_recipient on credit_listing_shares (recipient_id);
create index credit_listing_shares_by_case on credit_listing_shares (case_id);
