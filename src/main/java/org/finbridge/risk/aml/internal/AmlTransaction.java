package org.finbridge.risk.aml.internal;

import java.time.Instant;
import java.util.Objects;
import org.finbridge.money.Money;
import org.finbridge.party.PartyId;

/**
 * One monetary fact from one customer's point of view, as the rules read it.
 *
 * @param id the source event's identity and the leg ({@code payment:<id>:<seq>:merchant}); redelivery adds nothing
 * @param naturalPerson an individual rather than a company (decides LTR feature code 0502 against 0503/0504)
 * @param cash a cash-equivalent instrument (LTR 0501)
 * @param cnyMinor the CNY equivalent in fen at the reference rate of the day, null when no rate is known
 * @param usdMinor the USD equivalent in cents, likewise
 * @param counterparty the other side: a party id, {@code ext:<reference>} or a bank account id
 */
public record AmlTransaction(String id, PartyId party, boolean naturalPerson, String partyCountry, Direction direction,
                             Kind kind, boolean cash, Money amount, Long cnyMinor, Long usdMinor, String counterparty,
                             String counterpartyCountry, String orderReference, String sourceRef, Instant occurredAt) {

    public enum Direction { CREDIT, DEBIT }

    public enum Kind { PAYMENT, REFUND, CHARGEBACK, PAYOUT }

    public AmlTransaction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(party, "party");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("a journal amount is positive: " + amount);
        }
    }

    /** The counterparty is in another country than the customer (unknown countries count as domestic). */
    public boolean crossBorder() {
        return partyCountry != null && counterpartyCountry != null && !partyCountry.equals(counterpartyCountry);
    }

    public boolean inCny() {
        return amount.currency().code().equals("CNY");
    }

    /** The LTR feature code whose threshold this transaction counts towards (REGULATIONS §4.2). */
    public LargeValueThreshold ltrCategory() {
        if (cash) {
            return LargeValueThreshold.CASH;
        }
        if (!naturalPerson) {
            return LargeValueThreshold.ENTITY_TRANSFER;
        }
        return crossBorder() ? LargeValueThreshold.PERSON_CROSS_BORDER : LargeValueThreshold.PERSON_DOMESTIC;
    }

    public long cnyOrZero() {
        return cnyMinor == null ? 0 : cnyMinor;
    }

    public long usdOrZero() {
        return usdMinor == null ? 0 : usdMinor;
    }
}
