-- Appeals against a listing, decided by a person (REGULATIONS.md §3.3 art. 12: review and a recorded decision).
alter table credit_listing_cases add column appeal_grounds varchar(2000);
alter table credit_listing_cases add column appealed_at timestamp with time zone;
alter table credit_listing_cases add column appeal_decision varchar(2000);
alter table credit_listing_cases add column appeal_reviewer varchar(200);
alter table credit_listing_cases add column appeal_decided_at timestamp with time zone;

-- Sellers who chose to publish their credit grade (A-D with the date of the score).
create table credit_public_grades (
    party_id       uuid          not null primary key,
    opted_in_at    timestamp with time zone not null
);
