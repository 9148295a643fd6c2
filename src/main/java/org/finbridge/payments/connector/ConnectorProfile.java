package org.finbridge.payments.connector;

import java.util.List;
import java.util.Optional;
import org.finbridge.money.CurrencyCode;
import org.finbridge.payments.MethodType;

/**
 * What a connector takes and on what terms: for each method and accepted currency, the currency it
 * settles in and the amount limits per payment; how money becomes final; its fees. Routing reads this to
 * find candidates; the connector itself still refuses what is outside it.
 *
 * @param finality a person-readable statement of when money is final (e.g. "after 12 confirmations on ETHEREUM")
 */
public record ConnectorProfile(String name, List<Offer> offers, String finality, FeeSchedule fees) {

    public ConnectorProfile {
        offers = List.copyOf(offers);
    }

    /**
     * @param settlementCurrency what the connector pays out in (USD for USDC paid on chain)
     * @param minMinor the smallest payment, in minor units of {@code currency}
     * @param maxMinor the largest payment
     */
    public record Offer(MethodType method, String currency, CurrencyCode settlementCurrency, long minMinor, long maxMinor) {
        public boolean accepts(long amountMinor) {
            return amountMinor >= minMinor && amountMinor <= maxMinor;
        }
    }

    public Optional<Offer> offer(MethodType method, String currency) {
        return offers.stream().filter(o -> o.method() == method && o.currency().equals(currency)).findFirst();
    }

    public boolean accepts(MethodType method, String currency, long amountMinor) {
        return offer(method, currency).map(o -> o.accepts(amountMinor)).orElse(false);
    }
}
