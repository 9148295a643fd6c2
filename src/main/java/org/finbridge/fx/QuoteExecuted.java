package org.finbridge.fx;

import java.time.Instant;
import org.finbridge.money.Money;
import org.finbridge.party.PartyId;

/** A quote was executed: the conversion is in the ledger. Published once per quote. */
public record QuoteExecuted(QuoteId quoteId, PartyId owner, Money sold, Money bought, Money spread, Instant executedAt) {
}
