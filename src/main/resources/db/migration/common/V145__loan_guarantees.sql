-- Guarantees (issue 8): a guarantor party (guarantee company, government SME fund, supply-chain anchor) offers
-- guarantees in a currency up to an exposure limit for a fee; a lender has a loan guaranteed for a share of its
-- principal before disbursement. On default the guarantor pays its covered share of the principal owed to the
-- lender, and what the seller pays afterwards recovers that claim for the guarantor once the lender is paid.
create table loan_guarantors (
    party_id            uuid          not null,
    currency            varchar(3)    not null,
    exposure_limit      bigint        not null,
    fee_bps             int           not null,
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null,
    primary key (party_id, currency),
    constraint loan_guarantors_terms check (case when exposure_limit >= 0 and fee_bps between 0 and 5000 then true
        else false end)
);

create table loan_guarantees (
    loan_id             uuid          not null primary key,
    guarantor_id        uuid          not null,
    coverage_bps        int           not null,
    fee                 bigint        not null,
    claimed             bigint        not null,
    recovered           bigint        not null,
    state               varchar(10)   not null,
    claimed_on          date,
    created_at          timestamp with time zone not null,
    constraint loan_guarantees_amounts check (case when coverage_bps between 1 and 10000 and fee >= 0 and claimed >= 0
        and recovered >= 0 and recovered <= claimed then true else false end),
    constraint loan_guarantees_state check (case when state = 'ACTIVE' then true when state = 'CLAIMED' then true
        else false end)
);
create index loan_guarantees_guarantor on loan_guarantees (guarantor_id);

-- a repayment after a claim may pay the guarantor back (its subrogated claim) once the lender's parts are paid
alter table loan_repayments add column recovered bigint default 0 not null;
alter table loan_repayments drop constraint loan_repayments_split;
alter table loan_repayments add constraint loan_repayments_split check (case when amount > 0 and penalty >= 0
    and interest >= 0 and fee >= 0 and principal >= 0 and recovered >= 0
    and amount = penalty + interest + fee + principal + recovered and servicing_fee >= 0 then true else false end);
