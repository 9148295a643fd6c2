package org.finbridge.audit;

import java.time.Clock;
import javax.sql.DataSource;
import org.finbridge.audit.internal.ChainVerifier;
import org.finbridge.audit.internal.JdbcAuditLog;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * The audit log on a given database, for code that runs outside the application context (tests,
 * tools). Inside the application, inject {@link AuditLog} and {@link AuditVerifier} instead.
 */
public final class AuditLogs {

    private AuditLogs() {
    }

    /**
     * An appender on {@code dataSource} (already migrated). It joins a Spring-managed transaction on
     * that same DataSource when one is active, whichever transaction manager started it.
     */
    public static AuditLog log(DataSource dataSource, Clock clock) {
        return new JdbcAuditLog(dataSource, new JdbcTransactionManager(dataSource), clock);
    }

    /** A verifier of the chain on {@code dataSource}. */
    public static AuditVerifier verifier(DataSource dataSource) {
        return new ChainVerifier(dataSource);
    }
}
