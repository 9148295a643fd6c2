package org.finbridge.payments.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.finbridge.money.Money;
import org.finbridge.payments.NextAction;
import org.finbridge.payments.Payment;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Builds the {@link Payment} a merchant sees from the stored rows. */
@Component
class PaymentViews {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PaymentStore store;

    private final CheckoutFx checkoutFx;

    PaymentViews(PaymentStore store, CheckoutFx checkoutFx) {
        this.store = store;
        this.checkoutFx = checkoutFx;
    }

    Payment of(PaymentRecord p) {
        var ops = store.operations(p.id).stream().map(o -> new Payment.Transaction(o.seq(), o.kind().name(), o.amount(),
                o.currency(), o.status(), o.declineCode(), o.createdAt(), o.completedAt())).toList();
        // a dispute is opened by a step of its own: a payment without one has none to read
        Payment.Dispute dispute = ops.stream().anyMatch(o -> o.kind().equals(OperationRecord.Kind.DISPUTE_OPEN.name()))
                ? store.dispute(p.id).orElse(null) : null;
        Money processed = p.processed;
        return new Payment(p.id, p.merchantId, p.buyer, p.orderReference, p.requested, processed, p.method,
                p.captureMethod, p.state, p.connector, p.connectorReference, p.amounts.authorized(), p.amounts.captured(),
                p.amounts.refunded(), p.amounts.disputed(), p.amounts.chargedBack(), p.feesAcquirer, p.feesPlatform,
                p.reserved, p.expiresAt, nextAction(p.nextActionJson), p.declineCode, p.threeDs, dispute, ops,
                p.createdAt, p.updatedAt, settlement(p));
    }

    private Payment.Settlement settlement(PaymentRecord p) {
        if (!p.convertsAtCheckout()) {
            return null;
        }
        return checkoutFx.find(p.id).map(l -> new Payment.Settlement(new Money(l.settled(), l.settlement()),
                new Money(l.spread(), l.settlement()), l.clientRate().stripTrailingZeros(), l.midRate().stripTrailingZeros(),
                l.quoteId().toString(), l.lockedAt(), l.guaranteedUntil())).orElse(null);
    }

    static String toJson(NextAction action) {
        if (action == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", action.type());
        switch (action) {
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
        return JSON.writeValueAsString(m);
    }

    static NextAction nextAction(String json) {
        if (json == null) {
            return null;
        }
        JsonNode n = JSON.readTree(json);
        return switch (n.get("type").asString()) {
            case "three_d_secure_challenge" -> new NextAction.ThreeDSecureChallenge(text(n, "url"), text(n, "transactionId"));
            case "redirect" -> new NextAction.Redirect(text(n, "url"));
            case "qr_code" -> new NextAction.QrCode(text(n, "payload"));
            case "bank_transfer" -> new NextAction.BankTransferInstructions(text(n, "accountNumber"), text(n, "bankName"),
                    text(n, "reference"));
            case "crypto_transfer" -> new NextAction.CryptoTransfer(text(n, "chain"), text(n, "token"), text(n, "address"),
                    text(n, "amountBaseUnits"), n.get("confirmationsRequired").asInt());
            default -> throw new IllegalStateException("unknown next action " + json);
        };
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }
}
