package org.finbridge.supervision.internal;

import java.util.Optional;
import org.finbridge.audit.AuditEntry;
import org.finbridge.audit.AuditLog;
import org.finbridge.platform.Acting;
import org.finbridge.platform.RequestIds;
import org.springframework.stereotype.Component;

/** Writes supervision's state changes (and every regulator's action) to the audit log, in the change's transaction. */
@Component
class SupervisionAudit {

    private final AuditLog log;

    SupervisionAudit(AuditLog log) {
        this.log = log;
    }

    void record(String action, String objectType, String objectId, String before, String after) {
        Optional<Acting.As> acting = Acting.current();
        String name = acting.map(Acting.As::name).orElse("system");
        String role = acting.map(Acting.As::role).orElse(null);
        log.append(new AuditEntry(name, role, action, objectType, objectId, clip(before), clip(after),
                RequestIds.current().orElse(null)));
    }

    private static String clip(String s) {
        return s == null || s.length() <= AuditEntry.MAX_SUMMARY ? s : s.substring(0, AuditEntry.MAX_SUMMARY - 1) + "…";
    }
}
