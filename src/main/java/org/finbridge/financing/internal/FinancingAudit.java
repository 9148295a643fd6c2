package org.finbridge.financing.internal;

import java.util.Optional;
import org.finbridge.audit.AuditEntry;
import org.finbridge.audit.AuditLog;
import org.finbridge.platform.Acting;
import org.finbridge.platform.RequestIds;
import org.springframework.stereotype.Component;

/** Writes financing's state changes to the audit log inside the transaction of the change. */
@Component
class FinancingAudit {

    private final AuditLog log;

    FinancingAudit(AuditLog log) {
        this.log = log;
    }

    /** @param actor who acted; null means the request's authenticated actor, or the system for scheduled work */
    void record(String actor, String action, String objectType, String objectId, String before, String after) {
        Optional<Acting.As> acting = Acting.current();
        String name = actor != null && !actor.isBlank() ? actor : acting.map(Acting.As::name).orElse("system");
        String role = acting.filter(a -> a.name().equals(name)).map(Acting.As::role).orElse(null);
        log.append(new AuditEntry(name, role, action, objectType, objectId, before, after, RequestIds.current().orElse(null)));
    }
}
