package org.finbridge.fx;

import java.math.BigDecimal;
import org.finbridge.money.Money;

/**
 * The platform's FX position in one currency, from the ledger.
 *
 * @param position the liquidity account's credit balance: positive when parties sold the platform more
 *                 of this currency than they bought (the platform is long), negative when short
 * @param realisedSpread the spread earned in this currency (the revenue account's credit balance)
 * @param positionInEur the position valued at the latest reference rate, or null when there is none
 */
public record CurrencyExposure(Money position, Money realisedSpread, BigDecimal positionInEur) {
}
