-- Three-way reconciliation: the connectors' daily settlement reports (their totals per currency, as
-- imported), and the outcome of matching ledger, report and bank statement per connector, day and currency.
-- Breaks go to the existing exception queue (recon_exceptions) with their own reasons.

create table recon_connector_reports (
    connector              varchar(40)   not null,
    report_date            date          not null,
    currency               char(3)       not null,
    gross                  bigint        not null,
    fee                    bigint        not null,
    net                    bigint        not null,
    fx_rate                numeric(24, 10) not null,
    settlement_currency    char(3)       not null,
    settlement_net         bigint        not null,
    line_count             integer       not null,
    file_name              varchar(200),
    imported_by            varchar(200)  not null,
    imported_at            timestamp with time zone not null,
    constraint recon_connector_reports_pk primary key (connector, report_date, currency),
    constraint recon_connector_reports_rate check (case when fx_rate > 0 and line_count >= 0 then true else false end)
);

create table recon_three_way (
    connector              varchar(40)   not null,
    report_date            date          not null,
    currency               char(3)       not null,
    ledger_gross           bigint,
    ledger_fee             bigint,
    report_gross           bigint,
    report_fee             bigint,
    report_net             bigint,
    settlement_currency    char(3),
    settlement_net         bigint,
    bank_amount            bigint,
    bank_references        varchar(1000),
    status                 varchar(10)   not null,
    reasons                varchar(200),
    checked_by             varchar(200)  not null,
    checked_at             timestamp with time zone not null,
    constraint recon_three_way_pk primary key (connector, report_date, currency),
    constraint recon_three_way_status check (case when status = 'MATCHED' then true when status = 'BREAK' then true
        else false end)
);

alter table recon_exceptions drop constraint recon_exceptions_reason;
alter table recon_exceptions add constraint recon_exceptions_reason check (case when reason = 'MISSING' then true
    when reason = 'DUPLICATE' then true when reason = 'AMOUNT_DIFFERS' then true when reason = 'BANK_FEE_DEDUCTED' then true
    when reason = 'VALUE_DATE_SHIFTED' then true when reason = 'MISSING_IN_REPORT' then true
    when reason = 'MISSING_IN_BANK' then true when reason = 'FEE_DIFFERS' then true when reason = 'NET_DIFFERS' then true
    when reason = 'FX_DIFFERS' then true else false end);
