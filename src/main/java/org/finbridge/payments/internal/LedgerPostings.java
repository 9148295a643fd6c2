package org.finbridge.payments.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.finbridge.fx.FxAccounts;
import org.finbridge.ledger.AccountId;
import org.finbridge.ledger.Ledger;
import org.finbridge.ledger.LedgerBusyException;
import org.finbridge.ledger.LedgerUnavailableException;
import org.finbridge.ledger.Transfer;
import org.finbridge.ledger.TransferId;
import org.finbridge.ledger.TransferResult;
import org.finbridge.money.CurrencyCode;
import org.springframework.stereotype.Component;

/**
 * How each payment step moves money in the ledger. Transfer ids derive from the payment id, the step's
 * number and the leg ({@link OperationRecord#transferKey}), so a resubmission answers EXISTS.
 *
 * <ul>
 *   <li>Authorization: a PENDING transfer from the connector's clearing account to the merchant's pending
 *       account, with the authorization's validity (plus a grace period, see
 *       {@link PaymentsProperties#holdGrace()}) as timeout.</li>
 *   <li>Capture: POST_PENDING of that hold, and in the same LINKED chain the acquirer's fee (back to the
 *       clearing account: the connector keeps it and settles the net), the platform's fee and the rolling
 *       reserve. <b>Several partial captures:</b> the ledger resolves a hold once (a second post answers
 *       PENDING_TRANSFER_ALREADY_POSTED, and a partial post releases the rest), so a partial capture posts
 *       its amount and, in the same chain, opens a new hold for what is still authorized with the time
 *       left until the authorization's expiry. The chain commits or fails as one, so the authorization is
 *       never briefly released. The payment remembers its current hold.</li>
 *   <li>Void and expiry: VOID_PENDING of the current hold (an expiry the ledger already applied by
 *       itself, PENDING_TRANSFER_EXPIRED, is the same outcome).</li>
 *   <li>Refund: from the merchant's pending account back to the clearing account (the connector returns
 *       the money to the buyer out of what it owes the platform). Fees are not returned, as acquirers
 *       keep theirs.</li>
 *   <li>Chargeback: taken from the merchant's reserve first and the rest from its pending account, as a
 *       LINKED pair; a won dispute reverses the same legs.</li>
 *   <li>Checkout FX ({@link CheckoutFx}): when the merchant settles in another currency than the buyer
 *       pays in, each capture's chain ends with the conversion of what the capture left the merchant
 *       (after the acquirer's and the platform's fees and the reserve, which stay in the presentment
 *       currency, where the acquirer settles and chargebacks arrive) through the FX liquidity accounts
 *       (TigerBeetle's currency-exchange recipe): pending (presentment) → FX liquidity (presentment);
 *       FX liquidity (settlement) → pending (settlement) at the locked client rate; FX liquidity
 *       (settlement) → FX revenue (settlement), the spread. A refund first converts back at the locked
 *       client rate, in the same chain as the refund.</li>
 * </ul>
 */
@Component
class LedgerPostings {

    static final String AUTHORIZATION = "PAYMENT_AUTHORIZATION";
    static final String CAPTURE = "PAYMENT_CAPTURE";
    static final String ACQUIRER_FEE = "ACQUIRER_FEE";
    static final String PLATFORM_FEE = "PLATFORM_FEE";
    static final String RESERVE = "ROLLING_RESERVE";
    static final String VOID = "AUTHORIZATION_VOID";
    static final String EXPIRY = "AUTHORIZATION_EXPIRY";
    static final String REFUND = "PAYMENT_REFUND";
    static final String CHARGEBACK_FROM_RESERVE = "CHARGEBACK_FROM_RESERVE";
    static final String CHARGEBACK_FROM_PENDING = "CHARGEBACK_FROM_PENDING";
    static final String CHARGEBACK_REVERSAL_TO_RESERVE = "CHARGEBACK_REVERSAL_RESERVE";
    static final String CHARGEBACK_REVERSAL_TO_PENDING = "CHARGEBACK_REVERSAL_PENDING";
    static final String CHECKOUT_FX_SELL = "CHECKOUT_FX_SELL";
    static final String CHECKOUT_FX_BUY = "CHECKOUT_FX_BUY";
    static final String CHECKOUT_FX_SPREAD = "CHECKOUT_FX_SPREAD";
    static final String REFUND_FX_SELL = "REFUND_FX_SELL";
    static final String REFUND_FX_BUY = "REFUND_FX_BUY";

    /** Fees and reserve taken from one capture, in minor units of the processed currency. */
    record Deductions(long acquirerFee, long platformFee, long reserve) {
        long total() {
            return acquirerFee + platformFee + reserve;
        }
    }

    sealed interface Outcome {
    }

    record Committed() implements Outcome {
    }

    record Refused(TransferResult result) implements Outcome {
    }

    record Unavailable(String detail) implements Outcome {
    }

    private final Ledger ledger;
    private final PaymentAccounts accounts;
    private final CheckoutFx checkoutFx;

    LedgerPostings(Ledger ledger, PaymentAccounts accounts, CheckoutFx checkoutFx) {
        this.ledger = ledger;
        this.accounts = accounts;
        this.checkoutFx = checkoutFx;
    }

    TransferPlan authorize(PaymentRecord p, OperationRecord op, long amount, int timeoutSeconds) {
        return new TransferPlan(List.of(hold(p, op, "hold", amount, timeoutSeconds)));
    }

    /** A sale (push methods, automatic capture): the hold and its full capture in one chain. */
    TransferPlan authorizeAndCapture(PaymentRecord p, OperationRecord op, long amount, Deductions d) {
        Transfer hold = hold(p, op, "hold", amount, 0);
        List<Transfer> legs = new ArrayList<>();
        legs.add(hold);
        legs.add(Transfer.postPending(id(op, "capture"), hold.id(), amount, CAPTURE).withExternalRef(ref(p)));
        addDeductions(legs, p, op, d);
        addConversion(legs, p, op, amount - d.total());
        return chain(legs);
    }

    /** @param rest what stays authorized after this capture (0 for the last or a final capture) */
    TransferPlan capture(PaymentRecord p, OperationRecord op, long amount, long rest, int reholdTimeoutSeconds, Deductions d) {
        List<Transfer> legs = new ArrayList<>();
        legs.add(Transfer.postPending(id(op, "capture"), new TransferId(p.holdId), amount, CAPTURE).withExternalRef(ref(p)));
        if (rest > 0) {
            legs.add(hold(p, op, "hold", rest, reholdTimeoutSeconds));
        }
        addDeductions(legs, p, op, d);
        addConversion(legs, p, op, amount - d.total());
        return chain(legs);
    }

    TransferPlan releaseHold(PaymentRecord p, OperationRecord op, boolean expiry) {
        return new TransferPlan(List.of(Transfer.voidPending(id(op, "release"), new TransferId(p.holdId),
                expiry ? EXPIRY : VOID).withExternalRef(ref(p))));
    }

    TransferPlan refund(PaymentRecord p, OperationRecord op, long amount) {
        CurrencyCode c = p.currency();
        List<Transfer> legs = new ArrayList<>();
        lock(p).ifPresent(l -> {
            // back into the presentment currency at the locked client rate, the merchant paying the rounding
            CurrencyCode settlement = l.settlement();
            long cost = CheckoutFx.refundCost(l, amount);
            legs.add(Transfer.posted(id(op, "refund-fx-sell"), accounts.merchantPending(p.merchantId, settlement),
                    liquidity(settlement), cost, settlement.code(), REFUND_FX_SELL).withExternalRef(ref(p)));
            legs.add(Transfer.posted(id(op, "refund-fx-buy"), liquidity(c), pending(p), amount, c.code(), REFUND_FX_BUY)
                    .withExternalRef(ref(p)));
        });
        legs.add(Transfer.posted(id(op, "refund"), pending(p), clearing(p), amount, c.code(), REFUND).withExternalRef(ref(p)));
        return chain(legs);
    }

    /** Reserve first: as much of the chargeback as the merchant's reserve holds, the rest from its pending account. */
    TransferPlan chargeback(PaymentRecord p, OperationRecord op, long amount) {
        CurrencyCode c = p.currency();
        AccountId reserve = accounts.merchantReserve(p.merchantId, c);
        long fromReserve = Math.max(0, Math.min(amount, accounts.creditBalance(reserve)));
        List<Transfer> legs = new ArrayList<>();
        if (fromReserve > 0) {
            legs.add(Transfer.posted(id(op, "chargeback-reserve"), reserve, clearing(p), fromReserve, c.code(),
                    CHARGEBACK_FROM_RESERVE).withExternalRef(ref(p)));
        }
        if (amount - fromReserve > 0) {
            legs.add(Transfer.posted(id(op, "chargeback-pending"), pending(p), clearing(p), amount - fromReserve, c.code(),
                    CHARGEBACK_FROM_PENDING).withExternalRef(ref(p)));
        }
        return chain(legs);
    }

    TransferPlan reverseChargeback(PaymentRecord p, OperationRecord op, long fromReserve, long fromPending) {
        CurrencyCode c = p.currency();
        List<Transfer> legs = new ArrayList<>();
        if (fromReserve > 0) {
            legs.add(Transfer.posted(id(op, "reversal-reserve"), clearing(p), accounts.merchantReserve(p.merchantId, c),
                    fromReserve, c.code(), CHARGEBACK_REVERSAL_TO_RESERVE).withExternalRef(ref(p)));
        }
        if (fromPending > 0) {
            legs.add(Transfer.posted(id(op, "reversal-pending"), clearing(p), pending(p), fromPending, c.code(),
                    CHARGEBACK_REVERSAL_TO_PENDING).withExternalRef(ref(p)));
        }
        return chain(legs);
    }

    /**
     * Submits a plan. Committed when every transfer is OK or EXISTS (a resubmission), or answers one of
     * {@code alsoFine} (a hold the ledger already expired by itself, say).
     */
    Outcome submit(TransferPlan plan, Set<TransferResult> alsoFine) {
        if (plan.transfers().isEmpty()) {
            return new Committed();
        }
        List<TransferResult> results;
        try {
            results = ledger.submit(plan.transfers());
        } catch (LedgerBusyException | LedgerUnavailableException e) {
            return new Unavailable(e.getMessage());
        }
        for (TransferResult r : results) {
            if (!r.isCommitted() && !alsoFine.contains(r)) {
                return new Refused(results.stream().filter(x -> !x.isCommitted() && x != TransferResult.LINKED_EVENT_FAILED)
                        .findFirst().orElse(r));
            }
        }
        return new Committed();
    }

    private void addDeductions(List<Transfer> legs, PaymentRecord p, OperationRecord op, Deductions d) {
        CurrencyCode c = p.currency();
        if (d.acquirerFee() > 0) {
            legs.add(Transfer.posted(id(op, "fee-acquirer"), pending(p), clearing(p), d.acquirerFee(), c.code(), ACQUIRER_FEE)
                    .withExternalRef(ref(p)));
        }
        if (d.platformFee() > 0) {
            legs.add(Transfer.posted(id(op, "fee-platform"), pending(p), accounts.platformFees(c), d.platformFee(), c.code(),
                    PLATFORM_FEE).withExternalRef(ref(p)));
        }
        if (d.reserve() > 0) {
            legs.add(Transfer.posted(id(op, "reserve"), pending(p), accounts.merchantReserve(p.merchantId, c), d.reserve(),
                    c.code(), RESERVE).withExternalRef(ref(p)));
        }
    }

    /**
     * Converts {@code net} (presentment currency, what this capture left in the merchant's pending account)
     * into the merchant's settlement currency at the rate locked at checkout.
     */
    private void addConversion(List<Transfer> legs, PaymentRecord p, OperationRecord op, long net) {
        if (net <= 0) {
            return;
        }
        lock(p).ifPresent(l -> {
            CurrencyCode from = p.currency();
            CurrencyCode to = l.settlement();
            CheckoutFx.Converted converted = CheckoutFx.convert(l, net);
            legs.add(Transfer.posted(id(op, "fx-sell"), pending(p), liquidity(from), net, from.code(), CHECKOUT_FX_SELL)
                    .withExternalRef(ref(p)));
            if (converted.merchant() > 0) {
                legs.add(Transfer.posted(id(op, "fx-buy"), liquidity(to), accounts.merchantPending(p.merchantId, to),
                        converted.merchant(), to.code(), CHECKOUT_FX_BUY).withExternalRef(ref(p)));
            }
            if (converted.spread() > 0) {
                legs.add(Transfer.posted(id(op, "fx-spread"), liquidity(to), accounts.open(FxAccounts.revenue(to)),
                        converted.spread(), to.code(), CHECKOUT_FX_SPREAD).withExternalRef(ref(p)));
            }
        });
    }

    /** The payment's checkout-FX lock, when it converts and was authorized in the currency the lock sells. */
    private java.util.Optional<CheckoutFx.Lock> lock(PaymentRecord p) {
        if (!p.convertsAtCheckout()) {
            return java.util.Optional.empty();
        }
        return checkoutFx.find(p.id).filter(l -> l.presentment().equals(p.currency()));
    }

    private AccountId liquidity(CurrencyCode c) {
        return accounts.open(FxAccounts.liquidity(c));
    }

    private Transfer hold(PaymentRecord p, OperationRecord op, String leg, long amount, int timeoutSeconds) {
        return Transfer.pending(id(op, leg), clearing(p), pending(p), amount, p.currency().code(), AUTHORIZATION,
                timeoutSeconds).withExternalRef(ref(p));
    }

    /** Every transfer but the last carries LINKED: the step commits or fails as one. */
    private static TransferPlan chain(List<Transfer> legs) {
        List<Transfer> linked = new ArrayList<>(legs.size());
        for (int i = 0; i < legs.size(); i++) {
            linked.add(i < legs.size() - 1 ? legs.get(i).linked() : legs.get(i));
        }
        return new TransferPlan(linked);
    }

    private AccountId pending(PaymentRecord p) {
        return accounts.merchantPending(p.merchantId, p.currency());
    }

    private AccountId clearing(PaymentRecord p) {
        return accounts.connectorClearing(p.connector, p.currency());
    }

    private static TransferId id(OperationRecord op, String leg) {
        return TransferId.derived(op.transferKey(leg));
    }

    private static String ref(PaymentRecord p) {
        return p.id.toString();
    }
}
