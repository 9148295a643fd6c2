package org.finbridge.payments;

import org.finbridge.party.PartyId;

/**
 * Who pays: a registered buyer party when there is one, and the buyer's country (ISO 3166-1 alpha-2),
 * which decides whether the payment is domestic or cross-border for fees and risk; and what the
 * merchant's checkout observed of the buyer, which fraud scoring compares with the card and with the
 * buyer's earlier payments (Stripe Radar asks merchants for the same signals). Every signal is optional.
 *
 * @param email the buyer's e-mail address as entered at checkout, lower-cased
 * @param ipAddress the IP address the checkout was submitted from (IPv4 or IPv6 literal)
 * @param deviceId the merchant's or its checkout script's identifier of the buyer's device or browser
 * @param shippingCountry where the goods are shipped (ISO 3166-1 alpha-2)
 * @param ipCountry the country the IP address geolocates to (ISO 3166-1 alpha-2), as the checkout resolved it
 */
public record Buyer(PartyId partyId, String country, String email, String ipAddress, String deviceId,
                    String shippingCountry, String ipCountry) {

    /** A buyer known only by party and country. */
    public Buyer(PartyId partyId, String country) {
        this(partyId, country, null, null, null, null, null);
    }
}
