-- The idempotency key of the request that created a payment or began a step, so that a retry which takes
-- over the key of a request whose node died finds what that request already did instead of doing it again.
-- Stored as "<client> <key> <generation>", the generation being when the key was claimed (a key purged after
-- its retention and used again is another request); a key is visible ASCII, so it never holds a space.
alter table payments add column request_key varchar(480);
create unique index payments_by_request_key on payments (request_key);
alter table payment_operations add column request_key varchar(480);
create index payment_operations_by_request_key on payment_operations (payment_id, request_key);
