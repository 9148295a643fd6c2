package org.finbridge.payments.internal;

import java.time.Instant;
import java.util.UUID;
import org.finbridge.money.CurrencyCode;
import org.finbridge.money.Money;
import org.finbridge.party.PartyId;
import org.finbridge.payments.Buyer;
import org.finbridge.payments.CaptureMethod;
import org.finbridge.payments.PaymentId;
import org.finbridge.payments.PaymentMethod;
import org.finbridge.payments.PaymentState;
import org.finbridge.payments.connector.Region;

/**
 * A payment's row, as the service reads it under lock, changes it and writes it back in one
 * transaction. Mutable on purpose: it lives only for that transaction.
 */
final class PaymentRecord {
    PaymentId id;
    PartyId merchantId;
    Buyer buyer;
    String orderReference;
    Money requested;
    Money processed;
    PaymentMethod method;
    CaptureMethod captureMethod;
    PaymentState state;
    Region region;
    String connector;
    /**
     * Not stored: the connectors routing chose, in order, when this request routed the payment and began its
     * authorization just now (the decision is also recorded). Null on a payment read from the database.
     */
    java.util.List<String> routedCandidates;
    String connectorReference;
    PaymentStateMachine.Amounts amounts = PaymentStateMachine.Amounts.NONE;
    long feesAcquirer;
    long feesPlatform;
    long reserved;
    Instant expiresAt;
    UUID holdId;
    String nextActionJson;
    String declineCode;
    String threeDs;
    Integer busySeq;
    int lastSeq;
    Instant createdAt;
    Instant updatedAt;
    /** The merchant's currency when it differs from the one the buyer pays in (checkout FX), else null. */
    CurrencyCode settlementCurrency;

    boolean convertsAtCheckout() {
        return settlementCurrency != null && !settlementCurrency.equals(requested.currency());
    }

    /** The currency the amounts are kept in: the processed one once a connector answered, else the requested. */
    CurrencyCode currency() {
        return processed != null ? processed.currency() : requested.currency();
    }

    PaymentStateMachine.Snapshot snapshot(boolean disputedBefore) {
        return new PaymentStateMachine.Snapshot(state, amounts, expiresAt, disputedBefore);
    }
}
