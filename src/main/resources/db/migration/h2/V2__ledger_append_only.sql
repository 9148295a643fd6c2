-- H2 (the embedded default) has no procedural triggers without Java classes on its own classpath;
-- there the ledger module simply offers no update or delete path. PostgreSQL enforces append-only
-- history with triggers (db/migration/postgresql/V2).
select 1;
