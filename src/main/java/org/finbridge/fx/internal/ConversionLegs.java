package org.finbridge.fx.internal;

import java.util.ArrayList;
import java.util.List;
import org.finbridge.fx.FxAccounts;
import org.finbridge.fx.Quote;
import org.finbridge.ledger.AccountId;
import org.finbridge.ledger.Transfer;
import org.finbridge.ledger.TransferId;

/**
 * The ledger transfers of one conversion, after TigerBeetle's currency-exchange recipe: one linked
 * chain, so that all legs commit or none does.
 * <ol>
 *   <li>debit the party's account in the sell currency, credit FX liquidity in the sell currency;</li>
 *   <li>debit FX liquidity in the buy currency, credit the party's account in the buy currency;</li>
 *   <li>debit FX liquidity in the buy currency, credit FX revenue in the buy currency: the spread, as
 *       its own leg (left out when it rounds to zero, since the ledger moves only positive amounts).</li>
 * </ol>
 * Ids are derived from the quote id, so a retry after a crash submits the same transfers and the
 * ledger answers EXISTS instead of converting twice.
 */
final class ConversionLegs {

    static final String SELL_CODE = "FX_SELL";
    static final String BUY_CODE = "FX_BUY";
    static final String SPREAD_CODE = "FX_SPREAD";

    private ConversionLegs() {
    }

    static TransferId id(Quote quote, String leg) {
        return TransferId.derived("fx:quote:" + quote.id() + ":" + leg);
    }

    static List<Transfer> of(Quote quote, AccountId debit, AccountId credit) {
        String ref = quote.id().toString();
        String sellCurrency = quote.sell().currency().code();
        String buyCurrency = quote.buy().currency().code();
        AccountId sellLiquidity = FxAccounts.liquidity(quote.sell().currency()).id();
        AccountId buyLiquidity = FxAccounts.liquidity(quote.buy().currency()).id();
        List<Transfer> legs = new ArrayList<>(3);
        legs.add(Transfer.posted(id(quote, "sell"), debit, sellLiquidity, quote.sell().minorUnits(), sellCurrency, SELL_CODE)
                .withExternalRef(ref));
        legs.add(Transfer.posted(id(quote, "buy"), buyLiquidity, credit, quote.buy().minorUnits(), buyCurrency, BUY_CODE)
                .withExternalRef(ref));
        if (quote.spread().isPositive()) {
            legs.add(Transfer.posted(id(quote, "spread"), buyLiquidity, FxAccounts.revenue(quote.buy().currency()).id(),
                    quote.spread().minorUnits(), buyCurrency, SPREAD_CODE).withExternalRef(ref));
        }
        for (int i = 0; i < legs.size() - 1; i++) {
            legs.set(i, legs.get(i).linked());
        }
        return List.copyOf(legs);
    }
}
