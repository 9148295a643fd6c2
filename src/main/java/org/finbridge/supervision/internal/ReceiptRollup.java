package org.finbridge.supervision.internal;

import java.time.Duration;
import org.finbridge.platform.background.BackgroundPass;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Folds the receipts payments left pending into their sellers' annual totals ({@link ReceiptTotals}), within
 * about a second of the payments' commits, many payments per pass; and at least every idle interval, for
 * receipts left by another node or before a crash.
 */
@Component
class ReceiptRollup extends BackgroundPass {

    ReceiptRollup(ReceiptTotals totals,
                  @Value("${finbridge.supervision.receipts-idle-interval:10s}") Duration idleInterval,
                  @Value("${finbridge.supervision.receipts-linger:1s}") Duration linger) {
        super("supervision-receipts", totals::foldPending, idleInterval, linger, SmartLifecycle.DEFAULT_PHASE - 4096);
    }
}
