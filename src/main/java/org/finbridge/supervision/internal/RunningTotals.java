package org.finbridge.supervision.internal;

import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Running totals of the read models (a seller's year, an institution's day), kept in the payment's own
 * transaction: an increment of an existing row, or the row created on first use. The first payments of a
 * period often arrive together; the loser of the race to create the row inserts under a savepoint, so its
 * failure does not abort the payment's transaction, and then increments the winner's row.
 */
@Component
class RunningTotals {

    private final JdbcClient jdbc;
    private final TransactionTemplate savepoint;

    RunningTotals(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * @param increment an UPDATE adding to the row, with its parameters
     * @param create    the INSERT of the row holding the first amount, with its parameters
     */
    void add(String increment, List<?> incrementParams, String create, List<?> createParams) {
        if (jdbc.sql(increment).params(incrementParams).update() > 0) {
            return;
        }
        try {
            savepoint.executeWithoutResult(status -> jdbc.sql(create).params(createParams).update());
        } catch (DuplicateKeyException createdConcurrently) {
            jdbc.sql(increment).params(incrementParams).update();
        }
    }
}
