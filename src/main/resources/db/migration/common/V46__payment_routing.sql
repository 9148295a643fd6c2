-- Routing decisions and their attempts, and the notifications connectors sent us.
-- (Versions 46-49 belong to payment routing, within the payments module's 40-49.)

-- One row per authorization step: the rule that matched and every eligible connector in the order
-- chosen, each with its expected fee, recent success rate and score (the reasons, as JSON).
create table payment_routing_decisions (
    payment_id   uuid           not null,
    seq          integer        not null,
    rule_name    varchar(100)   not null,
    candidates   varchar(1000)  not null,
    reasons      varchar(8000)  not null,
    decided_at   timestamp with time zone not null,
    primary key (payment_id, seq)
);

-- Each connector asked, in order: what it answered and how long it took; and the reversals sent to
-- connectors that never answered before the payment went elsewhere.
create table payment_routing_attempts (
    payment_id    uuid          not null,
    seq           integer       not null,
    attempt       integer       not null,
    connector     varchar(40)   not null,
    outcome       varchar(20)   not null,
    decline_code  varchar(40),
    detail        varchar(500),
    elapsed_ms    bigint        not null,
    failed_over   boolean       not null,
    attempted_at  timestamp with time zone not null,
    primary key (payment_id, seq, attempt),
    constraint payment_routing_attempts_outcome check (case when outcome = 'APPROVED' then true
        when outcome = 'ACTION_REQUIRED' then true when outcome = 'DECLINED' then true
        when outcome = 'TIMED_OUT' then true when outcome = 'UNAVAILABLE' then true
        when outcome = 'REVERSED' then true else false end)
);

-- Notifications accepted from connectors, by the connector's own notification id: a replayed
-- notification is acknowledged and changes nothing.
create table connector_notifications (
    connector        varchar(40)   not null,
    notification_id  varchar(100)  not null,
    event_type       varchar(40)   not null,
    reference        varchar(100)  not null,
    received_at      timestamp with time zone not null,
    primary key (connector, notification_id)
);
