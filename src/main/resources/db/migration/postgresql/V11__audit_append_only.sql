-- The audit log is append-only. On PostgreSQL the database itself refuses UPDATE, DELETE and TRUNCATE
-- of audit records, and DELETE and TRUNCATE of the chain head (which every append must update).
--
-- Triggers stop the application and honest mistakes, not the table's owner: an owner can disable
-- them. In production run the migrations as an owner role (spring.flyway.user) and the application as
-- a role without ownership that may only read and append, e.g.:
--
--   revoke all on audit_log, audit_chain_head from finbridge_app;
--   grant select, insert on audit_log to finbridge_app;
--   grant select, update on audit_chain_head to finbridge_app;
--
-- Without UPDATE, DELETE and TRUNCATE privileges and without ownership, the application role cannot
-- change history even if it is compromised; a change by anyone else is caught by `audit verify`.
create function audit_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'the audit log is append-only: % on % refused', tg_op, tg_table_name
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_log_append_only
    before update or delete on audit_log
    for each row execute function audit_refuse_change();
create trigger audit_log_no_truncate
    before truncate on audit_log
    for each statement execute function audit_refuse_change();
create trigger audit_chain_head_no_delete
    before delete on audit_chain_head
    for each row execute function audit_refuse_change();
create trigger audit_chain_head_no_truncate
    before truncate on audit_chain_head
    for each statement execute function audit_refuse_change();
