package org.finbridge.risk.aml.internal;

import org.finbridge.audit.AuditEntry;
import org.finbridge.audit.AuditLog;
import org.finbridge.party.Actor;
import org.finbridge.platform.RequestIds;
import org.springframework.stereotype.Component;

/** Writes AML case work, alerts and reports to the audit log, in the transaction of the change. */
@Component
class AmlAudit {

    static final String SYSTEM = "system";

    private final AuditLog log;

    AmlAudit(AuditLog log) {
        this.log = log;
    }

    void record(Actor actor, String action, String objectType, String objectId, String before, String after) {
        append(actor.name(), actor.auditRole(), action, objectType, objectId, before, after);
    }

    void system(String action, String objectType, String objectId, String after) {
        append(SYSTEM, "SYSTEM", action, objectType, objectId, null, after);
    }

    private void append(String actor, String role, String action, String objectType, String objectId, String before,
                        String after) {
        log.append(new AuditEntry(actor, role, action, objectType, objectId, Journal.clip(before, AuditEntry.MAX_SUMMARY),
                Journal.clip(after, AuditEntry.MAX_SUMMARY), RequestIds.current().orElse(null)));
    }
}
