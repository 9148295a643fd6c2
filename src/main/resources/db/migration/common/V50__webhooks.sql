-- Webhooks: parties' endpoints, the events published to them and the deliveries that carry each event
-- to each endpoint (the transactional outbox). (Versions 50-59 belong to the webhooks module.)
-- CHECK constraints spell value lists as CASE: see V1.

-- The signing secrets are kept as they are, not hashed: every delivery is signed with them.
-- previous_secret signs as well until previous_secret_expires_at (rotation with overlap).
create table webhook_endpoints (
    id                          uuid           not null primary key,
    party_id                    uuid           not null,
    url                         varchar(2048)  not null,
    description                 varchar(500),
    event_types                 varchar(10200) not null,
    status                      varchar(16)    not null,
    disabled_reason             varchar(200),
    secret                      varchar(64)    not null,
    previous_secret             varchar(64),
    previous_secret_expires_at  timestamp with time zone,
    created_at                  timestamp with time zone not null,
    updated_at                  timestamp with time zone not null,
    constraint webhook_endpoints_status check (case when status = 'ENABLED' then true
        when status = 'DISABLED' then true else false end),
    constraint webhook_endpoints_previous_secret
        check ((previous_secret is null) = (previous_secret_expires_at is null))
);
create index webhook_endpoints_by_party on webhook_endpoints (party_id);

-- One row per published event; event_id is the publisher's idempotency key, unique per recipient.
-- body is the exact JSON every attempt sends and signs.
create table webhook_events (
    id            uuid           not null primary key,
    recipient_id  uuid           not null,
    event_id      varchar(100)   not null,
    event_type    varchar(100)   not null,
    body          varchar(65536) not null,
    created_at    timestamp with time zone not null,
    constraint webhook_events_once unique (recipient_id, event_id)
);

-- One row per (event, endpoint). A PENDING delivery has a next attempt; claim_token and claimed_until
-- mark the node sending it right now, so that two nodes never send the same attempt. delivered_at is
-- the last successful attempt (kept when a delivered event is redelivered).
create table webhook_deliveries (
    id               uuid          not null primary key,
    event_ref        uuid          not null,
    endpoint_id      uuid          not null,
    status           varchar(16)   not null,
    attempts         integer       not null default 0,
    next_attempt_at  timestamp with time zone,
    give_up_at       timestamp with time zone not null,
    claim_token      uuid,
    claimed_until    timestamp with time zone,
    last_attempt_at  timestamp with time zone,
    last_status_code integer,
    last_error       varchar(500),
    delivered_at     timestamp with time zone,
    created_at       timestamp with time zone not null,
    constraint webhook_deliveries_event foreign key (event_ref) references webhook_events (id),
    constraint webhook_deliveries_endpoint foreign key (endpoint_id) references webhook_endpoints (id),
    constraint webhook_deliveries_once unique (event_ref, endpoint_id),
    constraint webhook_deliveries_status check (case when status = 'PENDING' then true
        when status = 'DELIVERED' then true when status = 'FAILED' then true
        when status = 'CANCELLED' then true else false end),
    constraint webhook_deliveries_pending_is_due check ((status = 'PENDING') = (next_attempt_at is not null)),
    constraint webhook_deliveries_attempts check (attempts >= 0)
);
create index webhook_deliveries_due on webhook_deliveries (status, next_attempt_at);
create index webhook_deliveries_by_endpoint on webhook_deliveries (endpoint_id, id);

-- Every attempt, for the endpoint's owner to see what its server answered.
create table webhook_delivery_attempts (
    delivery_id     uuid          not null,
    attempt         integer       not null,
    attempted_at    timestamp with time zone not null,
    outcome         varchar(24)   not null,
    status_code     integer,
    error           varchar(500),
    duration_millis bigint        not null,
    constraint webhook_delivery_attempts_pk primary key (delivery_id, attempt),
    constraint webhook_delivery_attempts_delivery foreign key (delivery_id) references webhook_deliveries (id),
    constraint webhook_delivery_attempts_outcome check (case when outcome = 'DELIVERED' then true
        when outcome = 'HTTP_ERROR' then true when outcome = 'GONE' then true
        when outcome = 'REDIRECT_REFUSED' then true when outcome = 'TIMEOUT' then true
        when outcome = 'NETWORK_ERROR' then true when outcome = 'TARGET_NOT_ALLOWED' then true else false end)
);
