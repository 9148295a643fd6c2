-- The fraud model registry (risk module): every model version with its parameters in text form (the
-- logistic regression's weights, bias and thresholds), how it was trained, and its evaluation report on
-- held-out data. Exactly one version is active at a time (the service keeps it so in one statement).
create table fraud_models (
    version             varchar(60)   not null primary key,
    algorithm           varchar(40)   not null,
    created_at          timestamp with time zone not null,
    active              boolean       not null,
    source              varchar(300)  not null,
    parameters          varchar(20000) not null,
    test_attempts       integer       not null,
    test_frauds         integer       not null,
    auc                 double precision not null,
    baseline_auc        double precision not null,
    report              varchar(2000) not null
);
