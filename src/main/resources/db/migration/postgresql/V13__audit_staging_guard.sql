-- Staged audit records may be removed only by the sequencer, in the transaction that chains them: a
-- DELETE of a staged row whose record is not in audit_log yet is refused, as are UPDATE and TRUNCATE.
-- (As for V11, triggers stop the application and honest mistakes, not the table's owner.) The
-- application role needs, beyond V11's grants:
--
--   grant select, insert, delete on audit_stage to finbridge_app;
create function audit_stage_guard() returns trigger language plpgsql
set search_path from current as $$
begin
    if tg_op = 'DELETE' and exists (select 1 from audit_log where staged_id = old.staged_id) then
        return old;
    end if;
    raise exception 'the audit log is append-only: % on % refused', tg_op, tg_table_name
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_stage_guard
    before update or delete on audit_stage
    for each row execute function audit_stage_guard();
create trigger audit_stage_no_truncate
    before truncate on audit_stage
    for each statement execute function audit_refuse_change();
