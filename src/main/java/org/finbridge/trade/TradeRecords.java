package org.finbridge.trade;

import java.util.Optional;

/** The matched view of an order's documents (see {@link TradeRecord}). */
public interface TradeRecords {

    /** The record, matched now; empty when no document names it. */
    Optional<TradeRecord> find(TradeRecordId id);

    /** The record of an order reference, matched now (empty of documents if none arrived yet). */
    TradeRecord of(OrderReference reference);
}
