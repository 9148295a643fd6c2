package org.finbridge.credit.internal;

import java.util.Optional;
import org.finbridge.audit.AuditEntry;
import org.finbridge.audit.AuditLog;
import org.finbridge.platform.Acting;
import org.finbridge.platform.RequestIds;
import org.springframework.stereotype.Component;

/** Writes the credit registry's state changes to the audit log, inside the transaction of the change. */
@Component
class CreditAudit {

    private final AuditLog log;

    CreditAudit(AuditLog log) {
        this.log = log;
    }

    void record(String actor, String action, String objectType, String objectId, String before, String after) {
        Optional<Acting.As> acting = Acting.current();
        String name = actor != null && !actor.isBlank() ? actor : acting.map(Acting.As::name).orElse("system");
        String role = acting.filter(a -> a.name().equals(name)).map(Acting.As::role).orElse(null);
        log.append(new AuditEntry(name, role, action, objectType, objectId, clip(before), clip(after),
                RequestIds.current().orElse(null)));
    }

    private static String clip(String s) {
        return s == null || s.length() <= AuditEntry.MAX_SUMMARY ? s : s.substring(0, AuditEntry.MAX_SUMMARY - 1) + "…";
    }
}
