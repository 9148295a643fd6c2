-- Loan restructurings (issue 8): a term extension proposed with a reason, decided by a second person; on
-- approval the loan's schedule is replaced and the schedule as it was is kept in loan_schedule_history.
create table loan_restructurings (
    id                  uuid          not null primary key,
    loan_id             uuid          not null,
    number              int           not null,
    reference           varchar(100)  not null,
    extend_months       int           not null,
    reason              varchar(500)  not null,
    state               varchar(10)   not null,
    proposed_by         varchar(200)  not null,
    proposed_on         date          not null,
    decided_by          varchar(200),
    decision_reason     varchar(500),
    decided_on          date,
    created_at          timestamp with time zone not null,
    constraint loan_restructurings_reference unique (loan_id, reference),
    constraint loan_restructurings_number unique (loan_id, number),
    constraint loan_restructurings_extension check (case when extend_months between 1 and 60 then true else false end),
    constraint loan_restructurings_state check (case when state = 'PROPOSED' then true when state = 'APPROVED' then true
        when state = 'REJECTED' then true else false end)
);

create table loan_schedule_history (
    restructuring_id    uuid          not null,
    loan_id             uuid          not null,
    period              int           not null,
    due_date            date          not null,
    principal           bigint        not null,
    interest            bigint        not null,
    fee                 bigint        not null,
    accrued_interest    bigint        not null,
    paid_principal      bigint        not null,
    paid_interest       bigint        not null,
    paid_fee            bigint        not null,
    primary key (restructuring_id, period)
);

-- the day of the last approved restructuring: the first rescheduled instalment's interest runs from it
alter table loans add column restructured_on date;
