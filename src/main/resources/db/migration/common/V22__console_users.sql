-- People who log in to the console: password (BCrypt) plus a TOTP second factor (RFC 6238).
create table console_users (
    id                uuid          not null primary key,
    party_id          uuid          not null,
    email             varchar(200)  not null,
    role              varchar(40)   not null,
    password_hash     varchar(100)  not null,
    totp_secret       varchar(64),
    totp_confirmed    boolean       not null default false,
    last_totp_step    bigint        not null default 0,
    failed_logins     integer       not null default 0,
    locked_until      timestamp with time zone,
    created_at        timestamp with time zone not null,
    constraint console_users_email unique (email),
    constraint console_users_party foreign key (party_id) references parties (id),
    constraint console_users_failed_not_negative check (failed_logins >= 0)
);
