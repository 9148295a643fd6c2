package org.finbridge.audit;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Entries to append, and tampering done as a privileged saboteur would. */
final class AuditFixtures {

    private AuditFixtures() {
    }

    static AuditEntry entry(int n) {
        return new AuditEntry(n % 7 == 0 ? "system" : "usr_" + (n % 50), n % 7 == 0 ? null : "OPERATOR",
                "ledger.account.create", "ledger_account", "acc_" + n,
                n % 3 == 0 ? null : "{\"status\":\"PENDING\"}", "{\"status\":\"OPEN\",\"n\":" + n + "}",
                "req-" + n);
    }

    static List<AuditEntry> entries(int from, int count) {
        List<AuditEntry> entries = new ArrayList<>(count);
        for (int i = from; i < from + count; i++) {
            entries.add(entry(i));
        }
        return entries;
    }

    /**
     * Runs {@code sabotage} with the append-only triggers switched off, as the tables' owner or a
     * superuser could; H2 has no such triggers.
     */
    static void asSaboteur(DataSource dataSource, boolean postgres, Runnable sabotage) {
        JdbcClient sql = JdbcClient.create(dataSource);
        if (postgres) {
            sql.sql("alter table audit_log disable trigger user").update();
        }
        try {
            sabotage.run();
        } finally {
            if (postgres) {
                sql.sql("alter table audit_log enable trigger user").update();
            }
        }
    }
}
