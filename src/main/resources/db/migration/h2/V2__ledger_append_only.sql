-- H2 (the embedded default) has no procedural triggers without Java classes on its own classpath;
-- there the ledger module simply offers no update or delete path. PostgreSQL enforces append-only
-- history with triggers (db/migration/postgresql/V2).

-- H2 has no partial indexes: the index that finds expired holds covers every transfer.
create index ledger_transfers_expiry on ledger_transfers (expires_at);
