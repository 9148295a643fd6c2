package org.finbridge.fx.internal;

import java.util.Optional;
import org.finbridge.audit.AuditEntry;
import org.finbridge.audit.AuditLog;
import org.finbridge.platform.Acting;
import org.finbridge.platform.RequestIds;
import org.springframework.stereotype.Component;

/** Writes FX state changes to the audit log, in the transaction of the change. */
@Component
class FxAudit {

    private final AuditLog log;

    FxAudit(AuditLog log) {
        this.log = log;
    }

    /**
     * @param actor who acted, as the caller names it; null means the request's authenticated actor (or
     *              the system). The role is recorded when the actor is the request's authenticated one.
     */
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
