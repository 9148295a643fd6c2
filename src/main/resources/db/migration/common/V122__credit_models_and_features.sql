-- The model registry: every version of a scoring model with its specification (bins, weights, points)
-- and the validation report it was accepted on. One version per name is active.
create table credit_models (
    id              uuid          not null primary key,
    name            varchar(64)   not null,
    version_no      integer       not null,
    created_at      timestamp with time zone not null,
    created_by      varchar(200)  not null,
    active          boolean       not null,
    spec            text          not null,
    report          text          not null,
    constraint credit_models_version unique (name, version_no)
);

-- A merchant's features as last computed from its contributions: what the scorecard reads.
create table credit_features (
    party_id            uuid          not null primary key,
    sales_count         double precision not null,
    months_with_sales   double precision not null,
    refund_rate         double precision not null,
    chargeback_rate     double precision not null,
    delivery_rate       double precision not null,
    mismatch_rate       double precision not null,
    max_days_past_due   double precision not null,
    complaints          double precision not null,
    store_rating        double precision,
    store_age_months    double precision,
    penalties           double precision not null,
    computed_at         timestamp with time zone not null
);

-- When a clock-driven job last ran, so that a nightly job runs once per night on whichever node sees it due.
create table credit_jobs (
    name          varchar(64)   not null primary key,
    last_run_on   date          not null,
    last_run_at   timestamp with time zone not null
);
