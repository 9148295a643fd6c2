-- Events consumed from the event streams (issue 11 §1) and applied once: the id of every event a
-- consumer applied, written in the transaction of its effect (see org.finbridge.platform.events.InboundEvents).
-- Versions 180-189 belong to the platform's event streams.

create table inbound_events (
    consumer    varchar(100)  not null,
    event_id    varchar(300)  not null,
    applied_at  timestamp with time zone not null,
    constraint inbound_events_pk primary key (consumer, event_id)
);
