/**
 * The tamper-evident audit log: who did what to which object, when, and in answer to which request.
 *
 * <p>Modules that change something a supervisor or an auditor may ask about (opening a ledger account,
 * approving a business's KYB, changing a role) call {@link org.finbridge.audit.AuditLog#append} with an
 * {@link org.finbridge.audit.AuditEntry} inside the transaction that makes the change, so the change and
 * its record commit or roll back together. The append only stages the record (one insert, no shared
 * lock); the {@link org.finbridge.audit.AuditSequencer}, one per database, then chains committed records
 * in batches in the background. Chained records are numbered 1, 2, 3, … without gaps and chained:
 * each one carries the SHA-256 hash of its predecessor's hash and its own content (the exact format is
 * on {@link org.finbridge.audit.AuditHash}, so an external auditor can recompute it). Editing, deleting,
 * reordering, inserting or cutting off records is then detected by
 * {@link org.finbridge.audit.AuditVerifier#verify()} ({@code bin/finbridge audit verify}), which names
 * the first record where the chain breaks.
 *
 * <p>The module offers no way to change or remove a record. On PostgreSQL the database refuses UPDATE,
 * DELETE and TRUNCATE of the log as well; the operator should also run the application as a role that
 * neither owns the tables nor holds UPDATE, DELETE or TRUNCATE on {@code audit_log}
 * ({@code db/migration/postgresql/V11__audit_append_only.sql} shows the grants).
 *
 * <p>The chain proves that history was not rewritten after the fact by someone who could not also
 * recompute every later hash and the head. To guard against that too, keep the {@code last hash} that
 * {@code audit verify} prints somewhere outside the database (a ticket, write-once storage): a later
 * chain that no longer contains that hash at that sequence has been rewritten.
 *
 * <p>Readers see staged and chained records together ({@link org.finbridge.audit.AuditTrail}, the
 * {@code audit_trail} view), so a record is visible from its commit on. Appending publishes no events:
 * it is one insert in the caller's transaction.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit log", allowedDependencies = {"platform"})
package org.finbridge.audit;
