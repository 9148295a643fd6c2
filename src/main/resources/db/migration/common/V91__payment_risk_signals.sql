-- What fraud scoring needs to know of a payment beyond what V40 stored (versions 91-94 belong to the
-- risk module's fraud scoring): the checkout's signals about the buyer and the card's fingerprint, a
-- keyed hash that is the same for every token of one card number (never the number itself: PCI DSS 3.5.1.1).
alter table payments add column buyer_email varchar(254);
alter table payments add column buyer_ip varchar(45);
alter table payments add column buyer_device_id varchar(100);
alter table payments add column shipping_country char(2);
alter table payments add column ip_country char(2);
alter table payments add column card_fingerprint varchar(40);
