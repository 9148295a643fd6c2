package org.finbridge.supervision;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.finbridge.money.Money;
import org.finbridge.party.PartyId;
import org.finbridge.trade.OrderReference;

/**
 * FX collections checked for authenticity against the trade module's matched records (regulations notes §2),
 * each declared to the balance of payments one by one ({@link BopDeclarations}).
 */
public interface FxCollections {

    /** Receives a collection for a seller's order; answers it cleared or held, with the reason. */
    FxCollection receive(PartyId merchant, OrderReference order, String paymentReference, Money amount);

    /** A reviewer's decision on a held collection: release it for conversion or reject it (audited). */
    Optional<FxCollection> review(UUID id, boolean release, String note);

    Optional<FxCollection> find(UUID id);

    List<FxCollection> held();
}
