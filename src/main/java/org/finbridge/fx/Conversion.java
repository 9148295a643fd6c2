package org.finbridge.fx;

import java.time.Instant;
import java.util.List;
import org.finbridge.ledger.AccountId;
import org.finbridge.ledger.TransferId;
import org.finbridge.money.Money;

/**
 * An executed quote: {@code sold} left the debit account, {@code bought} reached the credit account,
 * {@code spread} went to FX revenue, in the ledger transfers {@code transfers} (one linked chain).
 */
public record Conversion(QuoteId quoteId, AccountId debitAccount, AccountId creditAccount, Money sold, Money bought,
                         Money spread, List<TransferId> transfers, Instant executedAt) {

    public Conversion {
        transfers = List.copyOf(transfers);
    }
}
