-- Roles for a Finbridge database, run once as a superuser on the primary (they replicate to the standbys).
-- The owner runs the migrations (spring.flyway.user); the application connects as finbridge_app.
-- psql -h db-primary -U postgres -v owner_password=… -v app_password=… -v replicator_password=… -f roles.sql
create role finbridge_owner login password :'owner_password';
create role finbridge_app login password :'app_password';
create role replicator with replication login password :'replicator_password';
create database finbridge owner finbridge_owner;
\connect finbridge
-- tables the owner creates later (every migration) are readable and writable by the application
alter default privileges for role finbridge_owner in schema public
    grant select, insert, update, delete on tables to finbridge_app;
alter default privileges for role finbridge_owner in schema public
    grant usage, select on sequences to finbridge_app;
grant usage on schema public to finbridge_app;
-- every table, the event publication table (the outbox) included (V197), is created by the owner's migrations:
-- the application role needs no CREATE privilege on the schema
-- after the first start (the migrations have created the tables), make history append-only for the
-- application role as well (triggers refuse it in any case; V11__audit_append_only.sql):
--   revoke update, delete, truncate on audit_log, ledger_transfers from finbridge_app;
-- a read-only role for reports on a standby:
--   create role finbridge_report login password '...';
--   grant usage on schema public to finbridge_report;
--   alter default privileges for role finbridge_owner in schema public grant select on tables to finbridge_report;
