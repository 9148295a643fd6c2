package org.finbridge.trade;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.finbridge.party.PartyId;

/**
 * How the trade module learns what was paid for an order: the payments module implements this (as a
 * Spring bean) so that trade records can match the payment without depending on how payments are kept.
 * Until it does, {@link NoPaymentsYet} answers, and only payments pushed through the trade API count.
 */
public interface PaymentLookup {

    /**
     * @param merchant the merchant the order is for
     * @param orderReference the marketplace's order number
     */
    Optional<PaidAmount> paidFor(PartyId merchant, String orderReference);

    /** The same for many orders of one merchant; implementations should answer it with one query. */
    default Map<String, PaidAmount> paidFor(PartyId merchant, Collection<String> orderReferences) {
        Map<String, PaidAmount> paid = new LinkedHashMap<>();
        for (String reference : orderReferences) {
            paidFor(merchant, reference).ifPresent(p -> paid.put(reference, p));
        }
        return paid;
    }
}
