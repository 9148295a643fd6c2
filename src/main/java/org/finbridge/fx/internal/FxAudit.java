package org.finbridge.fx.internal;

import org.finbridge.audit.AuditEntry;
import org.finbridge.audit.AuditLog;
import org.finbridge.platform.RequestIds;
import org.springframework.stereotype.Component;

/** Writes FX state changes to the audit log, in the transaction of the change. */
@Component
class FxAudit {

    private final AuditLog log;

    FxAudit(AuditLog log) {
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
