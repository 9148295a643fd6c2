package org.finbridge.audit;

import java.util.List;
import java.util.Optional;
import org.finbridge.platform.Acting;
import org.finbridge.platform.RequestIds;

/**
 * Appends to the audit log. There is deliberately no way to change or remove a record.
 *
 * <p>An append stages the record in the caller's transaction when there is one (a Spring-managed
 * transaction on the application's DataSource), so a business change and its audit record commit or
 * roll back together; otherwise it commits on its own. Staging is one insert and takes no lock that
 * other transactions wait for: audited transactions across the platform run side by side.
 *
 * <p>The {@link AuditSequencer} then numbers committed records 1, 2, 3, … without gaps and chains
 * their hashes, in batches, shortly after they commit. Until then a record is part of the audit trail
 * ({@link AuditTrail}, the {@code audit_trail} view) but has no sequence yet.
 */
public interface AuditLog {

    /** Stages one record, stamped with the current time. */
    void append(AuditEntry entry);

    /** Stages several records, in order, with one time stamp; the sequencer chains them in that order. */
    void appendAll(List<AuditEntry> entries);

    /**
     * Stages the record of a change, the way every module records its own: in the transaction of the change,
     * naming the request, with summaries clipped to {@link AuditEntry#MAX_SUMMARY}.
     *
     * @param actor who acted, as the caller names it; null means the request's authenticated actor, or the
     *              system for scheduled work. The role is recorded when the actor is the request's authenticated one.
     */
    default void record(String actor, String action, String objectType, String objectId, String before, String after) {
        Optional<Acting.As> acting = Acting.current();
        String name = actor != null && !actor.isBlank() ? actor : acting.map(Acting.As::name).orElse("system");
        String role = acting.filter(a -> a.name().equals(name)).map(Acting.As::role).orElse(null);
        append(new AuditEntry(name, role, action, objectType, objectId, AuditEntry.clip(before), AuditEntry.clip(after),
                RequestIds.current().orElse(null)));
    }
}
