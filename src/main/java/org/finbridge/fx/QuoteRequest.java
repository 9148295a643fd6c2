package org.finbridge.fx;

import java.time.Duration;
import java.util.Objects;
import org.finbridge.money.CurrencyCode;
import org.finbridge.party.PartyId;

/**
 * A party asks to sell {@code sell} for {@code buy}, fixing the amount of one side.
 *
 * @param amountMinorUnits the fixed side's amount in that currency's minor units
 * @param lock how long the price should hold; null for the default (60 s)
 */
public record QuoteRequest(PartyId owner, CurrencyCode sell, CurrencyCode buy, FixedSide fixedSide,
                           long amountMinorUnits, Duration lock) {

    public QuoteRequest {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(sell, "sell");
        Objects.requireNonNull(buy, "buy");
        Objects.requireNonNull(fixedSide, "fixedSide");
    }

    public static QuoteRequest selling(PartyId owner, CurrencyCode sell, CurrencyCode buy, long sellMinorUnits) {
        return new QuoteRequest(owner, sell, buy, FixedSide.SELL, sellMinorUnits, null);
    }

    public static QuoteRequest buying(PartyId owner, CurrencyCode sell, CurrencyCode buy, long buyMinorUnits) {
        return new QuoteRequest(owner, sell, buy, FixedSide.BUY, buyMinorUnits, null);
    }

    public QuoteRequest lockedFor(Duration lock) {
        return new QuoteRequest(owner, sell, buy, fixedSide, amountMinorUnits, lock);
    }

    /** The currency of the fixed amount. */
    public CurrencyCode fixedCurrency() {
        return fixedSide == FixedSide.SELL ? sell : buy;
    }
}
