package org.finbridge.supervision.internal;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.finbridge.money.CurrencyCode;
import org.finbridge.money.Money;
import org.finbridge.payments.PaymentEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Supervision's own copy of what the payments module reported: each captured payment (who was paid, in which
 * currency, how much, refunded how much) and each seller's annual goods-trade receipts in USD against SAFE's
 * registration threshold (regulations notes §2, kept by {@link ReceiptTotals}). It is fed by {@link PaymentEvent}s,
 * applied once per (payment, step) in the transaction that records the step, and reads no table of the payments
 * module.
 */
@Component
class PaymentsReadModel {

    private static final Set<String> RECEIPTS = Set.of("payment.captured", "payment.succeeded");
    private static final Set<String> REVERSALS = Set.of("payment.refunded", "dispute.lost");

    private final JdbcClient jdbc;
    private final UsdValues usd;
    private final BopLedger bop;
    private final PaymentAttribution attribution;
    private final ReceiptTotals receipts;
    private final TotalsRollup rollup;

    PaymentsReadModel(JdbcClient jdbc, UsdValues usd, BopLedger bop, PaymentAttribution attribution, ReceiptTotals receipts,
                      TotalsRollup rollup) {
        this.attribution = attribution;
        this.jdbc = jdbc;
        this.usd = usd;
        this.bop = bop;
        this.receipts = receipts;
        this.rollup = rollup;
    }

    @EventListener
    void on(PaymentEvent event) {
        boolean receipt = RECEIPTS.contains(event.type());
        boolean reversal = REVERSALS.contains(event.type());
        if ((!receipt && !reversal) || event.amount() <= 0 || !firstTime(event)) {
            return;
        }
        Money amount = new Money(event.amount(), CurrencyCode.of(event.currency()));
        LocalDate day = LocalDate.ofInstant(event.occurredAt(), ReceiptTotals.BEIJING);
        Optional<Money> inUsd = usd.inUsd(amount, day);
        UUID payment = event.paymentId().value();
        if (receipt) {
            PaymentAttribution.Attributes a = attribution.attributes(event, day);
            Long usdMinor = inUsd.map(Money::minorUnits).orElse(null);
            // a payment's first capture (most are its only one) is one statement; a later one adds to its row
            int created = jdbc.sql("""
                    insert into supervision_payments (payment_id, merchant_id, order_reference, currency, captured_minor,
                        refunded_minor, usd_captured_minor, captured_on, merchant_country, buyer_country, connector, institution_id)
                    select ?, ?, ?, ?, ?, 0, cast(? as bigint), ?, ?, ?, ?, cast(? as uuid)
                    where not exists (select 1 from supervision_payments where payment_id = ?)""")
                    .params(payment, event.merchantId().value(), event.orderReference(), event.currency(), amount.minorUnits(),
                            usdMinor, day, a.merchantCountry(), a.buyerCountry(), a.connector(), a.institution(), payment)
                    .update();
            if (created == 0) {
                jdbc.sql("""
                        update supervision_payments set captured_minor = captured_minor + ?,
                            usd_captured_minor = case when usd_captured_minor is null then null else usd_captured_minor + ? end,
                            merchant_country = ?, buyer_country = ?, connector = ?, institution_id = ?
                        where payment_id = ?""")
                        .params(amount.minorUnits(), usdMinor == null ? 0L : usdMinor, a.merchantCountry(), a.buyerCountry(),
                                a.connector(), a.institution(), payment).update();
            }
            attribution.captured(a, event, amount, day);
        } else {
            jdbc.sql("update supervision_payments set refunded_minor = refunded_minor + ? where payment_id = ?")
                    .params(amount.minorUnits(), payment).update();
            bop.refund(event.merchantId(), event.paymentId().toString(), amount, event.paymentId() + ":" + event.seq(), day);
        }
        inUsd.ifPresent(value -> receipts.add(event.merchantId(), day, receipt ? value : value.negate()));
        // the receipt and the institution's volume were left pending: folded once this transaction commits
        rollup.wakeAfterCommit();
    }

    /** Marks the event as counted, in one round trip: false when it was counted before (a redelivery). */
    private boolean firstTime(PaymentEvent event) {
        UUID payment = event.paymentId().value();
        return jdbc.sql("""
                insert into supervision_payment_events (payment_id, seq) select ?, ?
                where not exists (select 1 from supervision_payment_events where payment_id = ? and seq = ?)""")
                .params(payment, event.seq(), payment, event.seq()).update() == 1;
    }
}
