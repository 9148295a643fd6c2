package org.finbridge.supervision.internal;

import java.time.Duration;
import org.finbridge.platform.background.BackgroundPass;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Folds what payments left pending into supervision's running totals: sellers' annual receipts
 * ({@link ReceiptTotals}) and institutions' daily volumes ({@link InstitutionVolumes}, each changed day checked
 * against its licence's daily limit afterwards). Within about a second of the payments' commits, many payments per
 * pass; and at least every idle interval, for rows left by another node or before a crash.
 */
@Component
class TotalsRollup extends BackgroundPass {

    TotalsRollup(ReceiptTotals receipts, InstitutionVolumes volumes, PaymentAttribution attribution,
                 @Value("${finbridge.supervision.totals-idle-interval:10s}") Duration idleInterval,
                 @Value("${finbridge.supervision.totals-linger:1s}") Duration linger) {
        super("supervision-totals", () -> {
            receipts.foldPending();
            for (InstitutionVolumes.Day d : volumes.foldPending()) {
                attribution.checkDay(d.institution(), d.day());
            }
        }, idleInterval, linger, SmartLifecycle.DEFAULT_PHASE - 4096);
    }
}
