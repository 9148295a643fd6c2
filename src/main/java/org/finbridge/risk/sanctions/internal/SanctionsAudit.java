package org.finbridge.risk.sanctions.internal;

import org.finbridge.audit.AuditEntry;
import org.finbridge.audit.AuditLog;
import org.finbridge.party.Actor;
import org.finbridge.platform.RequestIds;
import org.springframework.stereotype.Component;

/** Writes list imports (and refused attempts) and review decisions to the audit log. */
@Component
class SanctionsAudit {

    static final String LIST = "sanctions_list";
    static final String HIT = "sanctions_hit";

    private final AuditLog log;

    SanctionsAudit(AuditLog log) {
        this.log = log;
    }

    void record(Actor actor, String action, String objectType, String objectId, String before, String after) {
        log.append(new AuditEntry(actor.name(), actor.auditRole(), action, objectType, objectId, ListStore.clip(before,
                AuditEntry.MAX_SUMMARY), ListStore.clip(after, AuditEntry.MAX_SUMMARY), RequestIds.current().orElse(null)));
    }
}
