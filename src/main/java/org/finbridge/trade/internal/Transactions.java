package org.finbridge.trade.internal;

import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a submission in its own transaction. Two submissions of the same document can race past the
 * existence check; the database's unique key then refuses one, and running it once more lets it find
 * the other's row and answer "already recorded" or "taken" like any resubmission.
 */
@Component
class Transactions {

    private final TransactionTemplate template;

    Transactions(PlatformTransactionManager manager) {
        this.template = new TransactionTemplate(manager);
    }

    <T> T submit(Supplier<T> work) {
        try {
            return template.execute(status -> work.get());
        } catch (DuplicateKeyException raced) {
            return template.execute(status -> work.get());
        }
    }

    <T> T inTransaction(Supplier<T> work) {
        return template.execute(status -> work.get());
    }
}
