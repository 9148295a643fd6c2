-- The tamper-evident audit log (issue "Parties, identity, access control and a tamper-evident audit
-- log", section 3). Versions 10-19 belong to the audit module.
--
-- Every record carries the SHA-256 hash of its predecessor's hash and its own canonical form (the
-- format is documented on org.finbridge.audit.AuditHash), so editing, deleting, reordering or inserting
-- a record breaks the chain at that point. `bin/finbridge audit verify` recomputes it.
-- See V1__ledger.sql for why a CHECK never lists allowed values as IN (...) or a chain of ORs.

create table audit_log (
    -- assigned by the appender under the chain-head lock, never by a database sequence: a sequence
    -- leaves gaps on rollback, and a gap must mean a deleted record
    sequence        bigint        not null primary key,
    recorded_at     timestamp with time zone not null,
    actor           varchar(200)  not null,
    role            varchar(100),
    action          varchar(100)  not null,
    object_type     varchar(100)  not null,
    object_id       varchar(200)  not null,
    before_summary  varchar(4000),
    after_summary   varchar(4000),
    request_id      varchar(200),
    prev_hash       varchar(64)   not null,
    hash            varchar(64)   not null,
    constraint audit_log_sequence_positive check (sequence > 0),
    constraint audit_log_hash_length check (char_length(prev_hash) = 64 and char_length(hash) = 64)
);

create index audit_log_object on audit_log (object_type, object_id);

-- One row: the last record's sequence and hash. Appenders lock it (SELECT ... FOR UPDATE) so appends
-- are serialised and the chain cannot fork; the verifier checks the log ends where the head says, so
-- cutting off the tail is detected too.
create table audit_chain_head (
    id             integer      not null primary key,
    last_sequence  bigint       not null,
    last_hash      varchar(64)  not null,
    constraint audit_chain_head_single_row check (id = 1),
    constraint audit_chain_head_sequence check (last_sequence >= 0),
    constraint audit_chain_head_hash_length check (char_length(last_hash) = 64)
);

insert into audit_chain_head (id, last_sequence, last_hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
