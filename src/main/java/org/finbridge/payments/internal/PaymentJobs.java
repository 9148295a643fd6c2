package org.finbridge.payments.internal;

import org.finbridge.ledger.LedgerBusyException;
import org.finbridge.ledger.LedgerUnavailableException;
import org.finbridge.payments.IdempotentRequests;
import org.finbridge.payments.Payments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The payments module's background work, each safe to run on several nodes at once (every step is
 * claimed under a row lock and idempotent): expiring uncaptured authorizations, finishing steps left in
 * flight, and purging idempotency keys past their retention. All read time from the injected clock.
 */
@Component
class PaymentJobs {

    private static final Logger log = LoggerFactory.getLogger(PaymentJobs.class);

    private final Payments payments;
    private final IdempotentRequests idempotency;

    PaymentJobs(Payments payments, IdempotentRequests idempotency) {
        this.payments = payments;
        this.idempotency = idempotency;
    }

    @Scheduled(fixedDelayString = "${finbridge.payments.expiry-interval:10s}")
    void expireAuthorizations() {
        guarded("authorization expiry", payments::expireDueAuthorizations);
    }

    @Scheduled(fixedDelayString = "${finbridge.payments.recovery-interval:10s}")
    void recoverSteps() {
        guarded("step recovery", payments::recoverStuckOperations);
    }

    @Scheduled(fixedDelayString = "${finbridge.payments.idempotency-purge-interval:10m}")
    void purgeIdempotencyKeys() {
        guarded("idempotency key purge", idempotency::purgeExpired);
    }

    private static void guarded(String job, java.util.function.IntSupplier work) {
        try {
            int n = work.getAsInt();
            if (n > 0) {
                log.info("{}: {}", job, n);
            }
        } catch (LedgerBusyException | LedgerUnavailableException | org.springframework.dao.DataAccessException e) {
            log.warn("{} deferred: {}", job, e.getMessage());
        }
    }
}
