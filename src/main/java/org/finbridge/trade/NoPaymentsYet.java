package org.finbridge.trade;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.finbridge.party.PartyId;

/**
 * The {@link PaymentLookup} used while no module provides one: it knows of no payment. Deliberately not
 * a bean, so that a module's implementation is never ambiguous with it.
 */
public final class NoPaymentsYet implements PaymentLookup {

    public static final NoPaymentsYet INSTANCE = new NoPaymentsYet();

    private NoPaymentsYet() {
    }

    @Override
    public Optional<PaidAmount> paidFor(PartyId merchant, String orderReference) {
        return Optional.empty();
    }

    @Override
    public Map<String, PaidAmount> paidFor(PartyId merchant, Collection<String> orderReferences) {
        return Map.of();
    }
}
