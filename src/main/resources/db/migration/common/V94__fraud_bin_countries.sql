-- Issuing country per card BIN (first six digits), as licensed from a card network's or a BIN data
-- provider's table and loaded by operators; fraud scoring compares it with the IP and shipping countries.
create table fraud_bin_countries (
    bin                 char(6)       not null primary key,
    country             char(2)       not null,
    updated_at          timestamp with time zone not null,
    updated_by          varchar(200)  not null
);
