package org.finbridge.trade.internal;

import org.finbridge.audit.AuditEntry;
import org.finbridge.audit.AuditLog;
import org.finbridge.party.Actor;
import org.finbridge.platform.RequestIds;
import org.springframework.stereotype.Component;

/**
 * Writes the trade module's submissions to the audit log, inside the transaction that records them, so a
 * document and its audit record commit or roll back together. Appends serialise on the audit chain
 * head: callers append last, just before their transaction ends.
 */
@Component
class TradeAudit {

    private final AuditLog log;

    TradeAudit(AuditLog log) {
        this.log = log;
    }

    void record(Actor actor, String action, String objectType, String objectId, String summary) {
        log.append(new AuditEntry(actor.name(), actor.auditRole(), action, objectType, objectId, null, clip(summary),
                RequestIds.current().orElse(null)));
    }

    private static String clip(String s) {
        return s == null || s.length() <= AuditEntry.MAX_SUMMARY ? s : s.substring(0, AuditEntry.MAX_SUMMARY - 1) + "…";
    }
}
