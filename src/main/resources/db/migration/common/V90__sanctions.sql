-- Sanctions screening (risk module; versions 90-99 belong to it). CHECK constraints spell value lists
-- as CASE: see V1.

-- One row per list (OFAC-SDN, UN-SC, a custom list): which version is in force. Imports of one list
-- lock its row, so two imports never interleave.
create table sanctions_lists (
    list_code           varchar(40)   not null primary key,
    format              varchar(8)    not null,
    current_version_id  uuid,
    changed_at          timestamp with time zone not null,
    constraint sanctions_lists_format check (case when format = 'OFAC' then true when format = 'UN' then true
        when format = 'CSV' then true else false end)
);

-- Every import that was read whole. A refused file leaves no row (its attempt is in the audit log).
create table sanctions_list_versions (
    id               uuid          not null primary key,
    list_code        varchar(40)   not null,
    format           varchar(8)    not null,
    source_name      varchar(200),
    content_sha256   char(64)      not null,
    imported_at      timestamp with time zone not null,
    imported_by      varchar(200)  not null,
    entry_count      integer       not null,
    name_count       integer       not null,
    skipped_count    integer       not null,
    skipped          varchar(4000),
    added_count      integer       not null,
    removed_count    integer       not null,
    changed_count    integer       not null,
    previous_id      uuid,
    constraint sanctions_list_versions_list foreign key (list_code) references sanctions_lists (list_code),
    constraint sanctions_list_versions_counts check (entry_count > 0 and name_count >= entry_count
        and skipped_count >= 0 and added_count >= 0 and removed_count >= 0 and changed_count >= 0)
);
create index sanctions_list_versions_by_list on sanctions_list_versions (list_code, imported_at);

-- The entries of each version as read (details: the entry's names, dates, countries as JSON), with the
-- SHA-256 of their canonical content: a changed hash is a changed entry.
create table sanctions_entries (
    version_id    uuid           not null,
    entry_id      varchar(64)    not null,
    entry_type    varchar(10)    not null,
    primary_name  varchar(500)   not null,
    entry_hash    char(64)       not null,
    details       varchar(65536) not null,
    constraint sanctions_entries_pk primary key (version_id, entry_id),
    constraint sanctions_entries_version foreign key (version_id) references sanctions_list_versions (id)
);

-- What each version added, removed or changed against the one before it.
create table sanctions_entry_changes (
    version_id    uuid           not null,
    entry_id      varchar(64)    not null,
    change_kind   varchar(8)     not null,
    primary_name  varchar(500)   not null,
    constraint sanctions_entry_changes_pk primary key (version_id, entry_id),
    constraint sanctions_entry_changes_version foreign key (version_id) references sanctions_list_versions (id),
    constraint sanctions_entry_changes_kind check (case when change_kind = 'ADDED' then true
        when change_kind = 'REMOVED' then true when change_kind = 'CHANGED' then true else false end)
);

-- Possible matches of a screened subject (a party's legal name, an owner's name) with a list entry.
-- subject_key identifies the pair's subject (party and normalised name). open_key is set while the hit
-- is OPEN, so one pair has at most one open hit (a unique key that allows many NULLs on H2 and
-- PostgreSQL alike). entry_hash is the entry's content when the hit was raised: a decision stands for
-- that content only.
create table sanctions_hits (
    id             uuid           not null primary key,
    subject_ref    varchar(64)    not null,
    subject_key    varchar(600)   not null,
    subject_name   varchar(500)   not null,
    subject_role   varchar(10)    not null,
    list_code      varchar(40)    not null,
    entry_id       varchar(64)    not null,
    entry_name     varchar(500)   not null,
    entry_hash     char(64)       not null,
    matched_name   varchar(500)   not null,
    score          numeric(5, 4)  not null,
    reasons        varchar(4000)  not null,
    version_id     uuid           not null,
    status         varchar(16)    not null,
    open_key       varchar(800),
    raised_at      timestamp with time zone not null,
    updated_at     timestamp with time zone not null,
    decided_by     varchar(200),
    decided_at     timestamp with time zone,
    decision_note  varchar(1000),
    constraint sanctions_hits_open_once unique (open_key),
    constraint sanctions_hits_status check (case when status = 'OPEN' then true when status = 'TRUE_MATCH' then true
        when status = 'FALSE_POSITIVE' then true else false end),
    constraint sanctions_hits_open_key check ((status = 'OPEN') = (open_key is not null)),
    constraint sanctions_hits_decided check ((status = 'OPEN') = (decided_at is null)),
    constraint sanctions_hits_score check (score >= 0 and score <= 1)
);
create index sanctions_hits_queue on sanctions_hits (status, raised_at);
create index sanctions_hits_pair on sanctions_hits (subject_key, list_code, entry_id);
create index sanctions_hits_by_subject on sanctions_hits (subject_ref);
