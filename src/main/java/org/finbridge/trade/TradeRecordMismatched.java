package org.finbridge.trade;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.finbridge.party.PartyId;
import org.finbridge.platform.events.PublishedEvent;

/**
 * A document arrived that left a trade record's documents disagreeing, or disagreeing differently than
 * before. Published once per distinct set of mismatches; risk, settlement and supervision react to it.
 *
 * @param merchant the order's merchant, or the declaration's while the order is missing; null if neither
 */
public record TradeRecordMismatched(TradeRecordId recordId, OrderReference order, PartyId merchant,
                                    List<Mismatch> mismatches) implements PublishedEvent {

    public TradeRecordMismatched {
        mismatches = List.copyOf(mismatches);
    }

    /** One event per distinct set of mismatches of a record, named by the set's content. */
    @Override
    public String eventId() {
        return "trade-record-mismatched:" + recordId + ":"
                + UUID.nameUUIDFromBytes(mismatches.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String eventType() {
        return "trade_record.mismatched";
    }

    @Override
    public String subject() {
        return merchant != null ? merchant.toString() : recordId.toString();
    }
}
