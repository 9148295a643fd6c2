-- Bank files of payout batches, kept as written (the XML is the record of what the bank was told).
create table payout_batches (
    id                     uuid          not null primary key,
    message_id             varchar(35)   not null unique,
    currency               char(3)       not null,
    rail                   varchar(20)   not null,
    message_type           varchar(30)   not null,
    transaction_count      integer       not null,
    control_sum            numeric(30, 6) not null,
    xml                    blob                          not null,
    created_by             varchar(200)  not null,
    created_at             timestamp with time zone not null
);
