-- Trade records (issue 5 §1): orders from marketplaces, shipments and their logistics events, customs
-- declarations, payment references pushed by marketplaces, the last mismatch check of each trade record,
-- and bulk imports. (Versions 80-89 belong to the trade module.) CHECK constraints spell value lists as
-- CASE: see V1.
--
-- record_id is the trade record an order reference belongs to: a name-based UUID of the marketplace and
-- the order number (TradeRecordId), so that the documents of one order meet on one indexed column,
-- whichever arrives first. Parties are referenced by id without foreign keys into the party module's
-- tables: the module checks them through the party API. import_id names the bulk import that brought a
-- row, null for rows submitted one at a time.

create table trade_orders (
    id                  uuid          not null primary key,
    record_id           uuid          not null,
    marketplace_id      uuid          not null,
    order_number        varchar(64)   not null,
    merchant_id         uuid          not null,
    buyer_id            uuid,
    buyer_reference     varchar(100),
    currency            char(3)       not null,
    total_minor_units   bigint        not null,
    ordered_at          timestamp with time zone not null,
    import_id           uuid,
    recorded_at         timestamp with time zone not null,
    -- an order number is unique per marketplace
    constraint trade_orders_number unique (marketplace_id, order_number),
    -- a buyer is a registered party or the marketplace's own reference, never both
    constraint trade_orders_buyer check (case when buyer_id is null and buyer_reference is not null then true
        when buyer_id is not null and buyer_reference is null then true else false end),
    constraint trade_orders_total check (total_minor_units >= 0)
);
create index trade_orders_by_record on trade_orders (record_id);
create index trade_orders_by_merchant on trade_orders (merchant_id);

create table trade_order_items (
    order_id                uuid          not null,
    line_no                 int           not null,
    hs_code                 varchar(10)   not null,
    description             varchar(500)  not null,
    quantity                bigint        not null,
    unit_price_minor_units  bigint        not null,
    constraint trade_order_items_pk primary key (order_id, line_no),
    constraint trade_order_items_order foreign key (order_id) references trade_orders (id),
    constraint trade_order_items_quantity check (quantity > 0),
    constraint trade_order_items_price check (unit_price_minor_units >= 0)
);

create table trade_shipments (
    id                     uuid          not null primary key,
    record_id              uuid          not null,
    logistics_provider_id  uuid          not null,
    carrier                varchar(40)   not null,
    waybill                varchar(40)   not null,
    marketplace_id         uuid          not null,
    order_number           varchar(64)   not null,
    state                  varchar(16)   not null,
    import_id              uuid,
    recorded_at            timestamp with time zone not null,
    -- a waybill is unique per carrier
    constraint trade_shipments_waybill unique (carrier, waybill),
    constraint trade_shipments_state check (case when state = 'AWAITING_PICKUP' then true
        when state = 'PICKED_UP' then true when state = 'IN_TRANSIT' then true when state = 'EXPORT_CLEARED' then true
        when state = 'IMPORT_CLEARED' then true when state = 'DELIVERED' then true when state = 'RETURNED' then true
        else false end)
);
create index trade_shipments_by_record on trade_shipments (record_id);
create index trade_shipments_by_provider on trade_shipments (logistics_provider_id);

-- One row per event; the key makes a resent event (same type, same time) a no-op.
create table trade_shipment_events (
    shipment_id   uuid          not null,
    event_type    varchar(16)   not null,
    occurred_at   timestamp with time zone not null,
    country       char(2)       not null,
    place         varchar(200)  not null,
    import_id     uuid,
    recorded_at   timestamp with time zone not null,
    constraint trade_shipment_events_pk primary key (shipment_id, event_type, occurred_at),
    constraint trade_shipment_events_shipment foreign key (shipment_id) references trade_shipments (id),
    constraint trade_shipment_events_type check (case when event_type = 'PICKED_UP' then true
        when event_type = 'IN_TRANSIT' then true when event_type = 'EXPORT_CLEARED' then true
        when event_type = 'IMPORT_CLEARED' then true when event_type = 'DELIVERED' then true
        when event_type = 'RETURNED' then true else false end)
);

create table trade_declarations (
    id                          uuid          not null primary key,
    record_id                   uuid          not null,
    declaration_number          varchar(18)   not null,
    customs_mode                char(4)       not null,
    direction                   varchar(6)    not null,
    merchant_id                 uuid          not null,
    marketplace_id              uuid          not null,
    order_number                varchar(64)   not null,
    carrier                     varchar(40),
    waybill                     varchar(40),
    currency                    char(3)       not null,
    declared_value_minor_units  bigint        not null,
    declared_at                 timestamp with time zone not null,
    submitted_by                uuid          not null,
    import_id                   uuid,
    recorded_at                 timestamp with time zone not null,
    -- customs number their declarations uniquely (海关编号)
    constraint trade_declarations_number unique (declaration_number),
    -- supervision modes of cross-border e-commerce and general trade (CustomsMode)
    constraint trade_declarations_mode check (case when customs_mode = '9610' then true when customs_mode = '9710' then true
        when customs_mode = '9810' then true when customs_mode = '1210' then true when customs_mode = '0110' then true
        else false end),
    constraint trade_declarations_direction check (case when direction = 'EXPORT' then true
        when direction = 'IMPORT' then true else false end),
    constraint trade_declarations_value check (declared_value_minor_units >= 0)
);
create index trade_declarations_by_record on trade_declarations (record_id);
create index trade_declarations_by_merchant on trade_declarations (merchant_id);

create table trade_declaration_lines (
    declaration_id      uuid          not null,
    line_no             int           not null,
    hs_code             varchar(10)   not null,
    description         varchar(500)  not null,
    quantity            bigint        not null,
    value_minor_units   bigint        not null,
    constraint trade_declaration_lines_pk primary key (declaration_id, line_no),
    constraint trade_declaration_lines_declaration foreign key (declaration_id) references trade_declarations (id),
    constraint trade_declaration_lines_quantity check (quantity > 0),
    constraint trade_declaration_lines_value check (value_minor_units >= 0)
);

-- A payment reference the marketplace pushed for its order (one per order).
create table trade_payments (
    record_id           uuid          not null primary key,
    marketplace_id      uuid          not null,
    order_number        varchar(64)   not null,
    payment_reference   varchar(100)  not null,
    currency            char(3)       not null,
    amount_minor_units  bigint        not null,
    paid_at             timestamp with time zone not null,
    submitted_by        uuid          not null,
    recorded_at         timestamp with time zone not null,
    constraint trade_payments_amount check (amount_minor_units >= 0)
);

-- The mismatches last found for a record, so that TradeRecordMismatched is published once per distinct
-- set of mismatches rather than at every document.
create table trade_record_checks (
    record_id       uuid           not null primary key,
    marketplace_id  uuid           not null,
    order_number    varchar(64)    not null,
    mismatches      varchar(4000)  not null,
    checked_at      timestamp with time zone not null
);

create table trade_imports (
    id             uuid          not null primary key,
    submitted_by   uuid          not null,
    kind           varchar(16)   not null,
    file_format    varchar(12)   not null,
    sha256         char(64)      not null,
    record_count   bigint        not null,
    accepted       bigint        not null,
    rejected       bigint        not null,
    recorded_at    timestamp with time zone not null
);
