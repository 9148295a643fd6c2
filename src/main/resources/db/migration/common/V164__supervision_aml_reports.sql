-- Supervision: the AML reports (LTR/STR) regulators see, latest status per report (regulations notes §4.2).
create table supervision_aml_reports (
    report_id     varchar(100) not null primary key,
    kind          varchar(3)   not null,
    code          varchar(8)   not null,
    subject_id    uuid         not null,
    amount_minor  bigint       not null,
    currency      char(3)      not null,
    status        varchar(32)  not null,
    status_at     timestamp with time zone not null,
    constraint supervision_aml_reports_kind check (case when kind = 'LTR' then true when kind = 'STR' then true else false end)
);

create index supervision_aml_reports_status on supervision_aml_reports (kind, status);
