package org.finbridge.risk.fraud.internal;

import org.finbridge.audit.AuditEntry;
import org.finbridge.audit.AuditLog;
import org.finbridge.party.Actor;
import org.finbridge.platform.RequestIds;
import org.springframework.stereotype.Component;

/** Writes reviews, model registrations and activations, and BIN table changes to the audit log. */
@Component
class FraudAudit {

    static final String DECISION = "fraud_decision";
    static final String MODEL = "fraud_model";
    static final String BIN = "fraud_bin";

    private final AuditLog log;

    FraudAudit(AuditLog log) {
        this.log = log;
    }

    void record(Actor actor, String action, String objectType, String objectId, String before, String after) {
        log.append(new AuditEntry(actor.name(), actor.auditRole(), action, objectType, objectId, clip(before), clip(after),
                RequestIds.current().orElse(null)));
    }

    private static String clip(String s) {
        return s == null || s.length() <= AuditEntry.MAX_SUMMARY ? s : s.substring(0, AuditEntry.MAX_SUMMARY);
    }
}
