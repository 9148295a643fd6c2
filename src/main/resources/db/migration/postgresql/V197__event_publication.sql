-- The outbox of module events (Spring Modulith's event publication registry), created by a migration
-- like every other table: the application's database role then needs no CREATE privilege on the schema
-- (deploy/postgresql/roles.sql), and a read-only standby can start a command without creating it.
-- The table as Spring Modulith 2.0's JDBC registry defines it (schemas/v2/schema-postgresql.sql);
-- IF NOT EXISTS: databases where the application created it at start-up keep theirs.
CREATE TABLE IF NOT EXISTS event_publication
(
  id                     UUID NOT NULL,
  listener_id            TEXT NOT NULL,
  event_type             TEXT NOT NULL,
  serialized_event       TEXT NOT NULL,
  publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
  completion_date        TIMESTAMP WITH TIME ZONE,
  status                 TEXT,
  completion_attempts    INT,
  last_resubmission_date TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (id)
);
CREATE INDEX IF NOT EXISTS event_publication_serialized_event_hash_idx ON event_publication USING hash(serialized_event);
CREATE INDEX IF NOT EXISTS event_publication_by_completion_date_idx ON event_publication (completion_date);
