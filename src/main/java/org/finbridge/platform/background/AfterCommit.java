package org.finbridge.platform.background;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Work for after the current transaction commits: in-memory effects that must not be seen before it, nor after a rollback. */
public final class AfterCommit {

    private AfterCommit() {
    }

    /** Runs {@code work} once the current transaction commits, at once when there is none, never on rollback. */
    public static void run(Runnable work) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    work.run();
                }
            });
        } else {
            work.run();
        }
    }
}
