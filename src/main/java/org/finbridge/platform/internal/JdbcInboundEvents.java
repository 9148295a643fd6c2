package org.finbridge.platform.internal;

import java.sql.Timestamp;
import java.time.Clock;
import org.finbridge.platform.events.InboundEvents;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link InboundEvents} on the {@code inbound_events} table: the primary key (consumer, event id) is the
 * guard. The id is inserted first, so a second delivery waits on the first one's row lock and then
 * fails on the key without running the effect; when the first delivery rolls back, the second applies.
 */
@Component
class JdbcInboundEvents implements InboundEvents {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    JdbcInboundEvents(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public boolean applyOnce(String consumer, String eventId, Runnable effect) {
        if (consumer == null || consumer.isBlank() || eventId == null || eventId.isBlank()) {
            throw new IllegalArgumentException("An inbound event needs a consumer name and an event id");
        }
        try {
            return Boolean.TRUE.equals(transactions.execute(status -> {
                jdbc.sql("insert into inbound_events (consumer, event_id, applied_at) values (?, ?, ?)")
                        .params(consumer, eventId, Timestamp.from(clock.instant()))
                        .update();
                effect.run();
                return true;
            }));
        } catch (DuplicateKeyException alreadyApplied) {
            return false;
        }
    }
}
