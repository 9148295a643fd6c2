package org.finbridge.settlement.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.finbridge.platform.DatabaseKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The highest tracking number ({@code settlement_payments.seq}) at or below which every tracked payment is
 * committed, so that a run's release range (V200) never claims a payment its plan could not see. Numbers come
 * from a sequence in the capture's transaction, so one may be taken and still uncommitted while a later one is
 * visible; the horizon waits for such transactions instead of reading past them.
 *
 * <p>On PostgreSQL the wait is a SHARE lock on {@code settlement_payments} for one short transaction: it is
 * granted once every transaction that inserted into the table has ended, and it holds back new ones only until
 * the maximum is read (a later insert takes a higher number). The embedded H2 has no table lock statement; it is
 * one process, so captures hold a read lock of this class until their transaction ends, and the horizon takes
 * the write lock for its read.
 */
@Component
class TrackingHorizon {

    private final JdbcClient jdbc;
    private final DatabaseKind database;
    private final TransactionTemplate tx;
    private final ReentrantReadWriteLock embeddedGate = new ReentrantReadWriteLock();

    TrackingHorizon(JdbcClient jdbc, DatabaseKind database, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.database = database;
        this.tx = new TransactionTemplate(transactions);
    }

    /**
     * Runs the insert that tracks a payment. On H2 it holds the horizon back until the tracking transaction ends
     * (or, outside a transaction, until the insert has committed by itself).
     */
    void whileTracking(Runnable insert) {
        if (database.postgres()) {
            insert.run();
            return;
        }
        ReentrantReadWriteLock.ReadLock lock = embeddedGate.readLock();
        lock.lock();
        boolean handedOver = false;
        try {
            insert.run();
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCompletion(int status) {
                        lock.unlock();
                    }
                });
                handedOver = true;
            }
        } finally {
            if (!handedOver) {
                lock.unlock();
            }
        }
    }

    /** @return every tracked payment numbered at or below this is committed and visible */
    long horizon() {
        if (database.postgres()) {
            Long max = tx.execute(s -> {
                jdbc.sql("lock table settlement_payments in share mode").update();
                // numbers are only ever drawn by the tracking insert, which holds the table's ROW EXCLUSIVE lock while it
                // draws: with that lock unavailable, every number drawn so far is committed or rolled back, and the
                // sequence's last value is the horizon (read in a moment, where the rows' maximum took a full scan)
                return jdbc.sql("select case when is_called then last_value else 0 end from settlement_payment_seq")
                        .query(Long.class).single();
            });
            return max == null ? 0 : max;
        }
        // waiting for the write lock also holds back new captures; a capture that is itself waiting (for a row
        // another capture holds, say) must not wait for the horizon in turn, so the horizon steps back now and then
        try {
            while (!embeddedGate.writeLock().tryLock(200, TimeUnit.MILLISECONDS)) {
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for captures in progress", e);
        }
        try {
            return jdbc.sql("select coalesce(max(seq), 0) from settlement_payments").query(Long.class).single();
        } finally {
            embeddedGate.writeLock().unlock();
        }
    }
}
