package org.finbridge.fx;

import java.time.Instant;
import org.finbridge.money.Money;
import org.finbridge.party.PartyId;
import org.finbridge.platform.events.PublishedEvent;

/** A quote was executed: the conversion is in the ledger. Published once per quote. */
public record QuoteExecuted(QuoteId quoteId, PartyId owner, Money sold, Money bought, Money spread, Instant executedAt)
        implements PublishedEvent {

    @Override
    public String eventId() {
        return "fx-quote-executed:" + quoteId;
    }

    @Override
    public String eventType() {
        return "fx.quote_executed";
    }

    @Override
    public String subject() {
        return owner.toString();
    }
}
