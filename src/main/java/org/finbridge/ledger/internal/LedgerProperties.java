package org.finbridge.ledger.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Tuning of the ledger's batching engine.
 *
 * @param maxBatchTransfers most transfers committed in one transaction (TigerBeetle: 8190)
 * @param queueCapacityTransfers transfers that may wait; beyond, callers get 503 and retry
 * @param maxBatchDelay how long a small batch waits for more work before committing
 * @param expiryInterval how often holds past their timeout are released
 * @param allowNonDurableCommits run on a PostgreSQL server with fsync or synchronous_commit off (see
 *                               {@link DurabilityGuard}); false unless an operator says otherwise
 */
@ConfigurationProperties("finbridge.ledger")
record LedgerProperties(Integer maxBatchTransfers, Integer queueCapacityTransfers, Duration maxBatchDelay,
                        Duration expiryInterval, Boolean allowNonDurableCommits) {

    LedgerProperties {
        maxBatchTransfers = maxBatchTransfers == null ? 8190 : maxBatchTransfers;
        queueCapacityTransfers = queueCapacityTransfers == null ? 200_000 : queueCapacityTransfers;
        maxBatchDelay = maxBatchDelay == null ? Duration.ZERO : maxBatchDelay;
        expiryInterval = expiryInterval == null ? Duration.ofSeconds(1) : expiryInterval;
        allowNonDurableCommits = allowNonDurableCommits != null && allowNonDurableCommits;
    }
}
