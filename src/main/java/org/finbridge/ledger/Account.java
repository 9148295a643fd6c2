package org.finbridge.ledger;

import java.time.Instant;
import java.util.Set;
import org.finbridge.money.CurrencyCode;
import org.finbridge.money.Money;

/**
 * A ledger account in one currency with its four running totals, in minor units.
 *
 * @param type what the account is for (CUSTOMER_AVAILABLE, FEES, FX_LIQUIDITY, …), chosen by the owning module
 * @param ownerRef the owner's reference in the owning module (a merchant id, say); may be null for platform accounts
 */
public record Account(
        AccountId id,
        CurrencyCode currency,
        String type,
        String ownerRef,
        Set<AccountFlag> flags,
        long debitsPosted,
        long creditsPosted,
        long debitsPending,
        long creditsPending,
        Instant createdAt) {

    public Account {
        flags = Set.copyOf(flags);
    }

    /** Credits minus debits, posted only: what a customer account holds. */
    public Money postedCreditBalance() {
        return new Money(Math.subtractExact(creditsPosted, debitsPosted), currency);
    }

    /** Posted credit balance less outgoing holds: what can still be spent. */
    public Money availableCreditBalance() {
        return new Money(Math.subtractExact(Math.subtractExact(creditsPosted, debitsPosted), debitsPending), currency);
    }

    /** Debits minus credits, posted only: what an asset account (a bank, a receivable) holds. */
    public Money postedDebitBalance() {
        return new Money(Math.subtractExact(debitsPosted, creditsPosted), currency);
    }

    public boolean has(AccountFlag flag) {
        return flags.contains(flag);
    }
}
