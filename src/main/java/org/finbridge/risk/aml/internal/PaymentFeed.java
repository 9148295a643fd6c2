package org.finbridge.risk.aml.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.finbridge.money.Money;
import org.finbridge.party.Actor;
import org.finbridge.party.ApiScope;
import org.finbridge.party.Parties;
import org.finbridge.party.Party;
import org.finbridge.party.PartyId;
import org.finbridge.party.PartyKind;
import org.finbridge.payments.MethodType;
import org.finbridge.payments.Payment;
import org.finbridge.payments.PaymentEvent;
import org.finbridge.payments.Payments;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Payments into the AML journal. A payment event arrives at least once; the pair (payment id, seq) names
 * it, so each leg's journal id is built from it and a redelivered event records nothing. The legs are
 * written in the transaction that records the payment step (nothing is lost between the two), and the
 * customers' rules run in the background once that transaction committed ({@link AmlEvaluations}).
 *
 * <p>Legs: money captured is a receipt (CREDIT) of the merchant and, when the buyer is a registered
 * party, a payment (DEBIT) of the buyer; a refund the reverse; a lost dispute a chargeback debit of the
 * merchant. e-CNY is treated as cash for the LTR (feature code 0501): the PBoC issues it as M0, currency
 * in circulation (platform policy, to confirm with the monitoring centre).
 */
@Component
class PaymentFeed {

    /** Reads payments as the platform: monitoring covers every merchant. */
    static final Actor SYSTEM = new Actor("aml-monitoring", "system:aml", Actor.Channel.API_KEY, new PartyId(new UUID(0, 0)),
            PartyKind.OPERATOR, null, EnumSet.of(ApiScope.PAYMENTS_READ));

    private final Payments payments;
    private final Parties parties;
    private final Journal journal;
    private final Equivalents equivalents;
    private final AmlEvaluations evaluations;

    PaymentFeed(Payments payments, Parties parties, Journal journal, Equivalents equivalents, AmlEvaluations evaluations) {
        this.payments = payments;
        this.parties = parties;
        this.journal = journal;
        this.equivalents = equivalents;
        this.evaluations = evaluations;
    }

    @EventListener
    void record(PaymentEvent event) {
        boolean recorded = false;
        for (AmlTransaction leg : legs(event)) {
            recorded |= journal.recordInPaymentStep(leg);
        }
        if (recorded) {
            evaluations.wakeAfterCommit();
        }
    }

    List<AmlTransaction> legs(PaymentEvent e) {
        boolean receipt = e.type().equals("payment.captured") || e.type().equals("payment.succeeded");
        boolean refund = e.type().equals("payment.refunded");
        boolean chargeback = e.type().equals("dispute.lost");
        if (!(receipt || refund || chargeback) || e.amount() <= 0 || e.currency() == null) {
            return List.of();
        }
        PaymentEvent.Context context = e.context() != null ? e.context()
                : payments.find(SYSTEM, e.paymentId()).map(PaymentFeed::context).orElse(null);
        Optional<Party> merchant = parties.find(e.merchantId());
        if (context == null || merchant.isEmpty()) {
            return List.of();
        }
        Money amount = Money.ofMinor(e.amount(), e.currency());
        Instant at = e.occurredAt();
        Long cny = equivalents.in(Equivalents.CNY, amount, Activity.reportingDay(at));
        Long usd = equivalents.in(Equivalents.USD, amount, Activity.reportingDay(at));
        boolean cash = context.method() == MethodType.ECNY;
        String buyerCountry = context.buyerCountry();
        PartyId buyer = context.buyerId();
        String key = "payment:" + e.paymentId() + ":" + e.seq();
        String merchantCountry = merchant.get().country();
        AmlTransaction.Kind kind = receipt ? AmlTransaction.Kind.PAYMENT
                : refund ? AmlTransaction.Kind.REFUND : AmlTransaction.Kind.CHARGEBACK;
        List<AmlTransaction> legs = new ArrayList<>();
        legs.add(new AmlTransaction(key + ":merchant", e.merchantId(), false, merchantCountry,
                receipt ? AmlTransaction.Direction.CREDIT : AmlTransaction.Direction.DEBIT, kind, cash, amount, cny, usd,
                buyer != null ? buyer.toString() : "ext:buyer-of:" + e.paymentId(), buyerCountry, e.orderReference(),
                e.paymentId().toString(), at));
        if (buyer != null && !chargeback) {
            boolean person = parties.find(buyer).map(b -> b.kind() == PartyKind.BUYER).orElse(true);
            legs.add(new AmlTransaction(key + ":buyer", buyer, person, buyerCountry,
                    receipt ? AmlTransaction.Direction.DEBIT : AmlTransaction.Direction.CREDIT, kind, cash, amount, cny, usd,
                    e.merchantId().toString(), merchantCountry, e.orderReference(), e.paymentId().toString(), at));
        }
        return legs;
    }

    /** An event published without its context (an older producer's): read from the payment itself. */
    private static PaymentEvent.Context context(Payment p) {
        return new PaymentEvent.Context(p.buyer() == null ? null : p.buyer().partyId(),
                p.buyer() == null ? null : p.buyer().country(), p.method().type(), p.connector());
    }
}
