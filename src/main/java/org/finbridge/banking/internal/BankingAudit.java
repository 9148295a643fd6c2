package org.finbridge.banking.internal;

import java.util.Optional;
import org.finbridge.audit.AuditEntry;
import org.finbridge.audit.AuditLog;
import org.finbridge.platform.Acting;
import org.finbridge.platform.RequestIds;
import org.springframework.stereotype.Component;

/** Writes the banking module's state changes to the audit log, inside the transaction of the change. */
@Component
class BankingAudit {

    private final AuditLog log;

    BankingAudit(AuditLog log) {
        this.log = log;
    }

    /** Who acts: the given actor, else the current request's actor, else the system. */
    static String actorName(String actor) {
        return actor != null && !actor.isBlank() ? actor : Acting.current().map(Acting.As::name).orElse("system");
    }

    /** @param actor who acted; null means the current request's actor, or the system when there is none */
    void record(String actor, String action, String objectType, String objectId, String after) {
        Optional<Acting.As> acting = Acting.current();
        String name = actorName(actor);
        String role = acting.filter(a -> a.name().equals(name)).map(Acting.As::role).orElse(null);
        String summary = after.length() <= AuditEntry.MAX_SUMMARY ? after : after.substring(0, AuditEntry.MAX_SUMMARY - 1) + "…";
        log.append(new AuditEntry(name, role, action, objectType, objectId, null, summary, RequestIds.current().orElse(null)));
    }
}
