package org.finbridge.payments.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.finbridge.payments.NextAction;
import org.finbridge.payments.Payment;

/** A payment as JSON. Amounts are integers in minor units; a card shows token, BIN, last four, expiry, network. */
record PaymentView(String id, String merchantId, Map<String, Object> buyer, String orderReference, long amount,
                   String currency, Long processedAmount, String processedCurrency, Map<String, Object> method,
                   String captureMethod, String state, String connector, String connectorReference, long authorized,
                   long captured, long refunded, long disputed, long chargedBack, long feesAcquirer, long feesPlatform,
                   long reserved, Instant authorizationExpiresAt, Map<String, Object> nextAction, String declineCode,
                   String threeDSecure, Payment.Dispute dispute, List<Payment.Transaction> transactions,
                   Instant createdAt, Instant updatedAt, Map<String, Object> settlement) {

    static PaymentView of(Payment p) {
        Map<String, Object> buyer = null;
        if (p.buyer() != null) {
            buyer = new LinkedHashMap<>();
            buyer.put("partyId", p.buyer().partyId() == null ? null : p.buyer().partyId().toString());
            buyer.put("country", p.buyer().country());
        }
        Map<String, Object> method = new LinkedHashMap<>();
        method.put("type", p.method().type().name());
        method.put("family", p.method().family().name());
        if (p.method().card() != null) {
            var c = p.method().card();
            method.put("card", Map.of("token", c.token(), "bin", c.bin(), "last4", c.last4(), "expMonth", c.expMonth(),
                    "expYear", c.expYear(), "network", c.network().name()));
        }
        if (p.method().chain() != null) {
            method.put("chain", p.method().chain());
        }
        return new PaymentView(p.id().toString(), p.merchantId().toString(), buyer, p.orderReference(),
                p.requested().minorUnits(), p.requested().currency().code(),
                p.processed() == null ? null : p.processed().minorUnits(),
                p.processed() == null ? null : p.processed().currency().code(), method, p.captureMethod().name(),
                p.state().name(), p.connector(), p.connectorReference(), p.authorized(), p.captured(), p.refunded(),
                p.disputed(), p.chargedBack(), p.feesAcquirer(), p.feesPlatform(), p.reserved(),
                p.authorizationExpiresAt(), nextAction(p.nextAction()), p.declineCode(), p.threeDSecure(), p.dispute(),
                p.transactions(), p.createdAt(), p.updatedAt(), settlement(p.settlement()));
    }

    /** Rates as decimal strings, amounts in minor units of the settlement currency. */
    private static Map<String, Object> settlement(Payment.Settlement s) {
        if (s == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("currency", s.settled().currency().code());
        m.put("amount", s.settled().minorUnits());
        m.put("fxSpread", s.spread().minorUnits());
        m.put("rate", s.rate().toPlainString());
        m.put("midRate", s.midRate().toPlainString());
        m.put("quoteId", s.quoteId());
        m.put("lockedAt", s.lockedAt());
        m.put("rateGuaranteedUntil", s.rateGuaranteedUntil());
        return m;
    }

    private static Map<String, Object> nextAction(NextAction a) {
        if (a == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", a.type());
        switch (a) {
            case NextAction.ThreeDSecureChallenge c -> {
                m.put("url", c.url());
                m.put("transactionId", c.transactionId());
            }
            case NextAction.Redirect r -> m.put("url", r.url());
            case NextAction.QrCode q -> m.put("payload", q.payload());
            case NextAction.BankTransferInstructions b -> {
                m.put("accountNumber", b.accountNumber());
                m.put("bankName", b.bankName());
                m.put("reference", b.reference());
            }
            case NextAction.CryptoTransfer c -> {
                m.put("chain", c.chain());
                m.put("token", c.token());
                m.put("address", c.address());
                m.put("amountBaseUnits", c.amountBaseUnits());
                m.put("confirmationsRequired", c.confirmationsRequired());
            }
        }
        return m;
    }
}
