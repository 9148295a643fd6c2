package org.finbridge.audit;

import java.util.List;

/**
 * Appends to the audit log. There is deliberately no way to change or remove a record.
 *
 * <p>An append joins the caller's transaction when there is one (a Spring-managed transaction on the
 * application's DataSource), so a business change and its audit record commit or roll back together;
 * otherwise it commits on its own. Appends are serialised on the chain head, so the caller's
 * transaction holds that lock until it ends: append late in the transaction, and keep it short.
 */
public interface AuditLog {

    /** Appends one record and answers it as stored (with its sequence and hash). */
    AuditRecord append(AuditEntry entry);

    /** Appends several records under one lock, in order, and answers them as stored. */
    List<AuditRecord> appendAll(List<AuditEntry> entries);
}
