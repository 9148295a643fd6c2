-- Bulk imports started in the background from the console: their progress, updated every 1,000 records in a
-- transaction of its own (the import's own transaction commits only at the end), so that any node can tell a
-- person how far the file is; then the outcome and the rejected records the report lists.
create table trade_import_jobs (
    id                   uuid          not null primary key,
    submitted_by         uuid          not null,
    kind                 varchar(16)   not null,
    file_format          varchar(12)   not null,
    file_name            varchar(255)  not null,
    state                varchar(12)   not null,
    lines_total          bigint        not null,
    lines_read           bigint        not null,
    record_count         bigint        not null,
    rejected             bigint        not null,
    accepted             bigint        not null,
    failure              varchar(2000),
    rejections_truncated boolean       not null,
    started_at           timestamp with time zone not null,
    updated_at           timestamp with time zone not null,
    finished_at          timestamp with time zone
);
create index trade_import_jobs_by_submitter on trade_import_jobs (submitted_by, started_at);

create table trade_import_job_rejections (
    job_id   uuid          not null references trade_import_jobs (id),
    position integer       not null,
    line     bigint        not null,
    reasons  varchar(4000) not null,
    primary key (job_id, position)
);
