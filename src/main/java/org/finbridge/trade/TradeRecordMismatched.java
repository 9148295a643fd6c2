package org.finbridge.trade;

import java.util.List;
import org.finbridge.party.PartyId;

/**
 * A document arrived that left a trade record's documents disagreeing, or disagreeing differently than
 * before. Published once per distinct set of mismatches; risk, settlement and supervision react to it.
 *
 * @param merchant the order's merchant, or the declaration's while the order is missing; null if neither
 */
public record TradeRecordMismatched(TradeRecordId recordId, OrderReference order, PartyId merchant,
                                    List<Mismatch> mismatches) {

    public TradeRecordMismatched {
        mismatches = List.copyOf(mismatches);
    }
}
