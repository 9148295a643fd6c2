-- History is append-only: corrections are reversals, never edits (DESIGN.md section 4).
-- On PostgreSQL the database itself refuses UPDATE, DELETE and TRUNCATE of transfers and resolutions.
create function ledger_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'ledger history is append-only: % on % refused', tg_op, tg_table_name
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger ledger_transfers_append_only
    before update or delete on ledger_transfers
    for each row execute function ledger_refuse_change();
create trigger ledger_transfers_no_truncate
    before truncate on ledger_transfers
    for each statement execute function ledger_refuse_change();
create trigger ledger_pending_resolutions_append_only
    before update or delete on ledger_pending_resolutions
    for each row execute function ledger_refuse_change();
create trigger ledger_account_balances_append_only
    before update or delete on ledger_account_balances
    for each row execute function ledger_refuse_change();

-- Only holds can expire: index just those, so the hot insert path of plain transfers skips it.
create index ledger_transfers_expiry on ledger_transfers (expires_at) where kind = 'PENDING';

-- Balances change on every batch: leave room in each page so the new row version stays on the same
-- page (a HOT update, no index maintenance).
alter table ledger_accounts set (fillfactor = 50);
