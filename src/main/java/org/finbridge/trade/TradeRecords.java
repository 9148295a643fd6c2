package org.finbridge.trade;

import java.util.List;
import java.util.Optional;
import org.finbridge.party.PartyId;

/** The matched view of an order's documents (see {@link TradeRecord}). */
public interface TradeRecords {

    /** The record, matched now; empty when no document names it. */
    Optional<TradeRecord> find(TradeRecordId id);

    /** The record of an order reference, matched now (empty of documents if none arrived yet). */
    TradeRecord of(OrderReference reference);

    /**
     * The merchant's latest records (by its orders, newest first), matched now: what a seller sees of its
     * own trade, mismatches included.
     */
    List<TradeRecord> ofMerchant(PartyId merchant, int limit);
}
