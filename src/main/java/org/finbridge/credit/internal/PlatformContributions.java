package org.finbridge.credit.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Currency;
import org.finbridge.credit.ContributionCategory;
import org.finbridge.credit.ContributionResult;
import org.finbridge.credit.NewContribution;
import org.finbridge.payments.PaymentEvent;
import org.finbridge.trade.ShipmentDelivered;
import org.finbridge.trade.TradeRecord;
import org.finbridge.trade.TradeRecords;
import org.finbridge.trade.TradeRecordMismatched;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The platform's own modules as data providers: sales, refunds and lost chargebacks from payments;
 * deliveries and document mismatches from trade. Each event becomes a contribution whose source record is
 * the event's own identity, so a replayed event (delivery is at least once) changes nothing. Listeners
 * run in the publishing transaction: the record and the fact it reports commit together.
 */
@Component
class PlatformContributions {

    private static final Logger log = LoggerFactory.getLogger(PlatformContributions.class);

    private final ContributionService contributions;
    private final TradeRecords tradeRecords;
    private final Clock clock;

    PlatformContributions(ContributionService contributions, TradeRecords tradeRecords, Clock clock) {
        this.contributions = contributions;
        this.tradeRecords = tradeRecords;
        this.clock = clock;
    }

    @EventListener
    void on(PaymentEvent event) {
        ContributionCategory category = switch (event.type()) {
            // a sale is captured either in one step with the authorisation or by a later capture
            case "payment.captured", "payment.succeeded" -> event.amount() > 0 ? ContributionCategory.SALE : null;
            case "payment.refunded" -> ContributionCategory.REFUND;
            // a chargeback counts against the merchant once the dispute is lost
            case "dispute.lost" -> ContributionCategory.CHARGEBACK;
            default -> null;
        };
        if (category == null || event.merchantId() == null) {
            return;
        }
        submit(new NewContribution(null, "finbridge.payments", event.merchantId(), category,
                event.paymentId() + "#" + event.seq(), major(event.amount(), event.currency()), event.currency(),
                event.occurredAt(), null, null, null));
    }

    @EventListener
    void on(ShipmentDelivered event) {
        // the event names the logistics provider; the merchant is the order's, from the trade record
        TradeRecord record = tradeRecords.of(event.order());
        if (record == null || record.order() == null) {
            return;
        }
        submit(new NewContribution(null, "finbridge.trade", record.order().merchant(), ContributionCategory.DELIVERY,
                event.shipmentId().toString(), 1, null, event.deliveredAt(), null, null, null));
    }

    @EventListener
    void on(TradeRecordMismatched event) {
        if (event.merchant() == null) {
            return;
        }
        String kinds = String.join(",", event.mismatches().stream().map(m -> m.kind().name()).sorted().toList());
        submit(new NewContribution(null, "finbridge.trade", event.merchant(), ContributionCategory.CUSTOMS_MISMATCH,
                event.recordId() + "#" + kinds, event.mismatches().size(), null,
                clock.instant(), null, null, null));
    }

    private void submit(NewContribution contribution) {
        ContributionResult result = contributions.submit(contribution);
        if (!(result instanceof ContributionResult.Accepted)) {
            log.warn("platform contribution refused: {} for {}", result, contribution.sourceRecord());
        }
    }

    private static double major(long minor, String currency) {
        int digits;
        try {
            digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException | NullPointerException e) {
            digits = 2;
        }
        return BigDecimal.valueOf(minor).movePointLeft(digits).doubleValue();
    }
}
