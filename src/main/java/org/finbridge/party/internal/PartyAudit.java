package org.finbridge.party.internal;

import org.finbridge.audit.AuditEntry;
import org.finbridge.audit.AuditLog;
import org.finbridge.platform.RequestIds;
import org.springframework.stereotype.Component;

/**
 * Writes the party module's state changes to the audit log, inside the transaction of the change, so
 * that a change and its record commit or roll back together.
 */
@Component
class PartyAudit {

    private final AuditLog log;

    PartyAudit(AuditLog log) {
        this.log = log;
    }

    void record(String actor, String action, String objectType, String objectId, String before, String after) {
        log.append(new AuditEntry(actor == null || actor.isBlank() ? "unknown" : actor, null, action, objectType,
                objectId, clip(before), clip(after), RequestIds.current().orElse(null)));
    }

    private static String clip(String s) {
        return s == null || s.length() <= AuditEntry.MAX_SUMMARY ? s : s.substring(0, AuditEntry.MAX_SUMMARY - 1) + "…";
    }
}
