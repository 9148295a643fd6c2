package org.finbridge.audit;

import java.time.Clock;
import javax.sql.DataSource;
import org.finbridge.audit.internal.ChainVerifier;
import org.finbridge.audit.internal.JdbcAuditLog;
import org.finbridge.audit.internal.JdbcAuditSequencer;
import org.finbridge.audit.internal.JdbcAuditTrail;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * The audit log on a given database, for code that runs outside the application context (tests,
 * tools). Inside the application, inject {@link AuditLog}, {@link AuditSequencer}, {@link AuditTrail} and
 * {@link AuditVerifier} instead.
 */
public final class AuditLogs {

    private AuditLogs() {
    }

    /**
     * An appender on {@code dataSource} (already migrated). It joins a Spring-managed transaction on
     * that same DataSource when one is active, whichever transaction manager started it.
     */
    public static AuditLog log(DataSource dataSource, Clock clock) {
        return new JdbcAuditLog(dataSource, new JdbcTransactionManager(dataSource), clock, () -> { });
    }

    /**
     * The sequencer on {@code dataSource}: nothing runs it in the background here, so call
     * {@link AuditSequencer#flush()} to chain what {@link #log} staged.
     */
    public static AuditSequencer sequencer(DataSource dataSource) {
        return new JdbcAuditSequencer(dataSource, new JdbcTransactionManager(dataSource));
    }

    /** A reader of the audit trail (chained and staged records) on {@code dataSource}. */
    public static AuditTrail trail(DataSource dataSource) {
        return new JdbcAuditTrail(dataSource);
    }

    /** A verifier of the chain on {@code dataSource}. */
    public static AuditVerifier verifier(DataSource dataSource) {
        return new ChainVerifier(dataSource);
    }
}
