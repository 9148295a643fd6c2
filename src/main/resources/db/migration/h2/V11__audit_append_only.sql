-- H2 (the embedded default) has no procedural triggers without Java classes on its own classpath;
-- there the audit module simply offers no update or delete path, and `audit verify` detects any change
-- made behind its back. PostgreSQL refuses changes with triggers (db/migration/postgresql/V11).
select 1;
