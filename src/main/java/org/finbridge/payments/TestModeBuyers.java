package org.finbridge.payments;

import java.util.Optional;
import org.finbridge.party.Actor;

/**
 * Test mode's stand-in for the buyer outside the platform, for callers outside the payments module (the
 * demo market simulator): a test card tokenized as the checkout edge tokenizes it, and the buyer of a push
 * payment paying (or giving up) at the simulated connector that holds it, which then reports to payments
 * as a real connector's notification would. Only the simulated connectors know such buyers: in production
 * (real connectors) {@link #pay} answers {@link PaymentResult.IllegalTransition}.
 */
public interface TestModeBuyers {

    /** A card from its number (a test number of the simulated acquirer), as stored: never the number itself. */
    Optional<PaymentMethod> card(String number, int expMonth, int expYear);

    /** The buyer pays the push payment in full ({@code paid}) or abandons it. */
    PaymentResult pay(Actor actor, PaymentId id, boolean paid);
}
