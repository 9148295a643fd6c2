package org.finbridge.webhooks.internal;

import org.finbridge.audit.AuditEntry;
import org.finbridge.audit.AuditLog;
import org.finbridge.party.Actor;
import org.finbridge.platform.RequestIds;
import org.springframework.stereotype.Component;

/**
 * Writes changes of endpoints (create, update, disable, enable, secret rotation, redelivery) to the
 * audit log inside the transaction of the change. Secrets are never part of a record.
 */
@Component
class WebhookAudit {

    static final String OBJECT_ENDPOINT = "webhook_endpoint";
    static final String OBJECT_DELIVERY = "webhook_delivery";
    /** Who acts when the platform itself disables an endpoint that answered 410. */
    static final String SYSTEM = "system";

    private final AuditLog log;

    WebhookAudit(AuditLog log) {
        this.log = log;
    }

    void record(Actor actor, String action, String objectType, String objectId, String before, String after) {
        append(actor.name(), actor.auditRole(), action, objectType, objectId, before, after);
    }

    void recordBySystem(String action, String objectType, String objectId, String before, String after) {
        append(SYSTEM, null, action, objectType, objectId, before, after);
    }

    private void append(String actor, String role, String action, String objectType, String objectId, String before,
                        String after) {
        log.append(new AuditEntry(actor, role, action, objectType, objectId, clip(before), clip(after),
                RequestIds.current().orElse(null)));
    }

    private static String clip(String s) {
        return s == null || s.length() <= AuditEntry.MAX_SUMMARY ? s : s.substring(0, AuditEntry.MAX_SUMMARY - 1) + "…";
    }
}
