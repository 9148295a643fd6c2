-- Release on delivery from the trade module's ShipmentDelivered events, which name the order
-- (marketplace + order number), not the payment: the payment's order reference is kept with it, and a
-- delivery is kept per merchant and order, so it counts whether it arrives before or after the capture.
alter table settlement_payments add column order_reference varchar(100);
create index settlement_payments_by_order on settlement_payments (merchant_id, order_reference);

create table settlement_order_deliveries (
    merchant_id            uuid          not null,
    order_reference        varchar(100)  not null,
    delivered_at           timestamp with time zone not null,
    shipment_id            varchar(60)   not null,
    constraint settlement_order_deliveries_pk primary key (merchant_id, order_reference)
);
