package org.finbridge.ledger.internal;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.finbridge.ledger.LedgerBusyException;
import org.finbridge.ledger.LedgerUnavailableException;
import org.finbridge.ledger.TransferId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Releases holds whose timeout has passed (a card authorization that was never captured, say).
 * Expiry goes through the batcher like any other change, so it is serialized with posts and voids of
 * the same hold; running it on several nodes at once is harmless (a hold expires once: the
 * resolution's primary key).
 */
@Component
class PendingExpiry {

    private static final Logger log = LoggerFactory.getLogger(PendingExpiry.class);
    private static final int PER_RUN = 1000;

    private final JdbcClient jdbc;
    private final LedgerService ledger;
    private final Clock clock;

    PendingExpiry(JdbcClient jdbc, LedgerService ledger, Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${finbridge.ledger.expiry-interval:1s}")
    void releaseExpiredHolds() {
        try {
            int released;
            do {
                released = runOnce();
            } while (released == PER_RUN);
        } catch (LedgerBusyException | LedgerUnavailableException e) {
            log.debug("hold expiry deferred: {}", e.getMessage());
        }
    }

    /** One pass: expires up to {@value #PER_RUN} holds; answers how many were due. */
    int runOnce() {
        List<TransferId> due = jdbc.sql("""
                select t.id from ledger_transfers t
                where t.kind = 'PENDING' and t.expires_at <= :now
                  and not exists (select 1 from ledger_pending_resolutions r where r.pending_id = t.id)
                order by t.expires_at
                limit :limit""")
                .param("now", clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS).atOffset(ZoneOffset.UTC)).param("limit", PER_RUN)
                .query((rs, n) -> new TransferId(rs.getObject(1, UUID.class))).list();
        if (!due.isEmpty()) {
            ledger.expire(due);
        }
        return due.size();
    }
}
